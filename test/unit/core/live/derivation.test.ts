import { describe, expect, it } from 'vitest';
import { activityOf, takesQueueCalls } from '../../../../main/core/live/agent-activity';
import { eventKind } from '../../../../main/core/live/live-events';
import { WaitingBook } from '../../../../main/core/live/waiting-book';

const QUEUE = '3001';
const isQueue = (id: string) => id === QUEUE || id === '3002';
const event = (sequence: number, code: string, eventTime: string, extensionId = QUEUE, session = 's1') => ({
  telephonySessionId: session,
  sequence,
  eventTime,
  parties: [{ extensionId, status: { code }, queueCall: true }],
});
const NOW = Date.parse('2026-11-24T09:10:00Z');

describe('waiting callers from telephony session events', () => {
  it('a queue party Proceeding waits since the event time; Answered ends it', () => {
    const book = new WaitingBook();
    expect(book.apply(event(1, 'Proceeding', '2026-11-24T09:00:00.000Z'), isQueue, NOW)).toBe(true);
    expect(book.of(QUEUE)).toEqual([
      { telephonySessionId: 's1', queueId: QUEUE, since: Date.parse('2026-11-24T09:00:00Z') },
    ]);
    expect(book.apply(event(2, 'Answered', '2026-11-24T09:00:20.000Z'), isQueue, NOW)).toBe(true);
    expect(book.of(QUEUE)).toEqual([]);
  });

  it.each(['VoiceMail', 'Disconnected', 'Gone'])('%s ends the wait', (code) => {
    const book = new WaitingBook();
    book.apply(event(1, 'Proceeding', '2026-11-24T09:00:00.000Z'), isQueue, NOW);
    book.apply(event(2, code, '2026-11-24T09:00:30.000Z'), isQueue, NOW);
    expect(book.of(QUEUE)).toHaveLength(0);
  });

  it('ignores stale and repeated events of a session (ordered by sequence)', () => {
    const book = new WaitingBook();
    book.apply(event(2, 'Proceeding', '2026-11-24T09:00:05.000Z'), isQueue, NOW);
    expect(book.apply(event(1, 'Setup', '2026-11-24T09:00:00.000Z'), isQueue, NOW)).toBe(false);
    expect(book.apply(event(2, 'Answered', '2026-11-24T09:00:05.000Z'), isQueue, NOW)).toBe(false);
    expect(book.of(QUEUE)).toHaveLength(1);
    expect(book.apply(event(3, 'Disconnected', '2026-11-24T09:01:00.000Z'), isQueue, NOW)).toBe(true);
    expect(book.of(QUEUE)).toHaveLength(0);
  });

  it('counts only parties of followed queues, longest-waiting first', () => {
    const book = new WaitingBook();
    book.apply(event(1, 'Proceeding', '2026-11-24T09:00:10.000Z', QUEUE, 'late'), isQueue, NOW);
    book.apply(event(1, 'Proceeding', '2026-11-24T09:00:00.000Z', QUEUE, 'early'), isQueue, NOW);
    book.apply(event(1, 'Proceeding', '2026-11-24T09:00:00.000Z', '1001', 'agent'), isQueue, NOW);
    expect(book.of(QUEUE).map((entry) => entry.telephonySessionId)).toEqual(['early', 'late']);
    book.keepQueues((id) => id === '3002');
    expect(book.of(QUEUE)).toEqual([]);
  });

  it('falls back to the session creation time when the event has none', () => {
    const book = new WaitingBook();
    book.apply(
      {
        telephonySessionId: 's',
        sequence: 1,
        creationTime: '2026-11-24T08:59:00.000Z',
        parties: [{ extensionId: QUEUE, status: { code: 'Proceeding' } }],
      },
      isQueue,
      NOW,
    );
    expect(book.of(QUEUE)[0]?.since).toBe(Date.parse('2026-11-24T08:59:00Z'));
  });
});

describe('agent activity from detailed presence', () => {
  it.each([
    [{ telephonyStatus: 'Ringing', userStatus: 'Available' }, 'ringing'],
    [{ telephonyStatus: 'CallConnected', userStatus: 'Busy' }, 'onCall'],
    [{ telephonyStatus: 'OnHold' }, 'onHold'],
    [{ telephonyStatus: 'ParkedCall' }, 'onHold'],
    [{ telephonyStatus: 'NoCall', userStatus: 'Available', dndStatus: 'TakeAllCalls' }, 'available'],
    [{ telephonyStatus: 'NoCall', userStatus: 'Busy', dndStatus: 'DoNotAcceptDepartmentCalls' }, 'away'],
    [{ telephonyStatus: 'NoCall', userStatus: 'Available', dndStatus: 'DoNotAcceptAnyCalls' }, 'away'],
    [
      { telephonyStatus: 'NoCall', userStatus: 'Offline', dndStatus: 'DoNotAcceptDepartmentCalls' },
      'offline',
    ],
    [{ presenceStatus: 'Offline' }, 'offline'],
    [
      {
        telephonyStatus: 'NoCall',
        presenceStatus: 'Busy',
        userStatus: 'Available',
        dndStatus: 'TakeAllCalls',
      },
      'available',
    ],
  ] as const)('%j → %s', (presence, activity) => {
    expect(activityOf(presence)).toBe(activity);
  });

  it('DND that refuses queue calls means no queue calls', () => {
    expect(takesQueueCalls('TakeAllCalls')).toBe(true);
    expect(takesQueueCalls('TakeDepartmentCallsOnly')).toBe(true);
    expect(takesQueueCalls('DoNotAcceptDepartmentCalls')).toBe(false);
    expect(takesQueueCalls('DoNotAcceptAnyCalls')).toBe(false);
  });

  it('tells events apart by their filter', () => {
    expect(eventKind('/restapi/v1.0/account/1/telephony/sessions')).toBe('telephony');
    expect(eventKind('/restapi/v1.0/account/1/extension/1001/presence?detailedTelephonyState=true')).toBe(
      'presence',
    );
    expect(eventKind('/restapi/v1.0/account/1/call-queues/3001/presence')).toBe('queuePresence');
    expect(eventKind('/restapi/v1.0/account/1/extension/1001/message-store')).toBeNull();
  });
});
