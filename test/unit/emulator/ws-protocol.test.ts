import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoDirectory } from '../../../emulator/data/demo-directory';
import { Directory } from '../../../emulator/data/directory';
import { LiveCallBuilder } from '../../../emulator/live/script';
import { parseEventFilter, permissionOf, type EventFilter } from '../../../emulator/ws/event-filters';
import { noticeFor } from '../../../emulator/ws/notices';
import { clientResponse, connectionDetails, errorMessage, parseInbound } from '../../../emulator/ws/protocol';

/**
 * The gateway's message handling without a socket: what the client may send (and every way it can
 * get it wrong, none of which throws), the frames the gateway sends, the event filters it accepts
 * with the permission each needs, and which live events each filter turns into notifications.
 */

const directory = new Directory(demoDirectory());
const ACCOUNT = '400100001';

function filter(raw: string): EventFilter {
  const parsed = parseEventFilter(raw, directory, '1101');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filter;
}

describe('inbound messages', () => {
  it('reads a ClientRequest with its body and a Heartbeat', () => {
    const request = parseInbound(
      JSON.stringify([
        {
          type: 'ClientRequest',
          messageId: 'm1',
          method: 'POST',
          path: '/restapi/v1.0/subscription/',
          headers: { 'X-User-Agent': 'x' },
        },
        {
          eventFilters: ['/restapi/v1.0/account/~/telephony/sessions'],
          deliveryMode: { transportType: 'WebSocket' },
        },
      ]),
    );
    expect(request).toMatchObject({
      kind: 'request',
      request: { messageId: 'm1', method: 'POST', body: { deliveryMode: { transportType: 'WebSocket' } } },
    });
    expect(parseInbound('[{"type":"Heartbeat","messageId":"h1"}]')).toEqual({
      kind: 'heartbeat',
      messageId: 'h1',
    });
  });

  it('names what is wrong, keeping the messageId when there is one', () => {
    expect(parseInbound('{not json')).toEqual({
      kind: 'invalid',
      messageId: null,
      message: 'Message is not valid JSON',
    });
    expect(parseInbound('{"type":"Heartbeat"}')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('JSON array'),
    });
    expect(parseInbound('[1, 2, 3]')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('JSON array'),
    });
    expect(parseInbound('["x"]')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('object'),
    });
    expect(parseInbound('[{"type":"Subscribe","messageId":"m2"}]')).toEqual({
      kind: 'invalid',
      messageId: 'm2',
      message: 'Unknown message type [Subscribe]; expected ClientRequest or Heartbeat',
    });
    expect(parseInbound('[{"type":"ClientRequest","messageId":"m3","method":"GET"}]')).toMatchObject({
      kind: 'invalid',
      messageId: 'm3',
      message: expect.stringMatching(/^ClientRequest path: /),
    });
    expect(
      parseInbound('[{"type":"ClientRequest","messageId":"m4","method":"GET /x","path":"/"}]'),
    ).toMatchObject({
      message: expect.stringContaining('HTTP method'),
    });
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify([v, v])),
        ),
        (text) => {
          const inbound = parseInbound(text);
          expect(['request', 'heartbeat', 'invalid']).toContain(inbound.kind);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('outbound frames', () => {
  it('answer a request with meta type ClientRequest, the same messageId, status and headers', () => {
    const [meta, body] = clientResponse('m1', 200, { 'X-Rate-Limit-Group': 'medium' }, { id: 's1' });
    expect(meta).toMatchObject({
      type: 'ClientRequest',
      messageId: 'm1',
      status: 200,
      headers: { 'X-Rate-Limit-Group': 'medium' },
    });
    expect(meta.headers).toHaveProperty('RCRequestId');
    expect(body).toEqual({ id: 's1' });
    expect(clientResponse('m2', 204, {}, undefined)).toHaveLength(1);
  });

  it('open with ConnectionDetails carrying the wsc token and sequence', () => {
    const [meta, body] = connectionDetails({ token: 't', sequence: 1 }, { recoveryTimeout: 180 });
    expect(meta).toMatchObject({ type: 'ConnectionDetails', status: 200, wsc: { token: 't', sequence: 1 } });
    expect(body).toEqual({ recoveryTimeout: 180 });
    expect(errorMessage('m', 400, 'WSG-400', 'bad')[1]).toEqual({
      errorCode: 'WSG-400',
      message: 'bad',
      errors: [{ errorCode: 'WSG-400', message: 'bad' }],
    });
  });
});

describe('event filters', () => {
  it('resolve ~ to this account and the signed-in extension, and name the permission they need', () => {
    expect(filter('/restapi/v1.0/account/~/telephony/sessions')).toMatchObject({
      kind: 'accountTelephony',
      uri: `/restapi/v1.0/account/${ACCOUNT}/telephony/sessions`,
    });
    expect(filter('/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true')).toMatchObject({
      kind: 'extensionPresence',
      extensionId: '1101',
      detailed: true,
      uri: `/restapi/v1.0/account/${ACCOUNT}/extension/1101/presence?detailedTelephonyState=true`,
    });
    expect(filter(`/restapi/v1.0/account/${ACCOUNT}/call-queues/3001/presence`)).toMatchObject({
      kind: 'queuePresence',
      queueId: '3001',
    });
    expect(filter('/restapi/v1.0/account/~/presence')).toMatchObject({
      kind: 'accountPresence',
      detailed: false,
    });
    expect(permissionOf(filter('/restapi/v1.0/account/~/extension/1001/telephony/sessions'))).toBe(
      'CallControl',
    );
    expect(permissionOf(filter('/restapi/v1.0/account/~/presence'))).toBe('ReadPresence');
  });

  it('refuse what they cannot deliver, saying why', () => {
    const problem = (raw: string) => {
      const parsed = parseEventFilter(raw, directory, '1101');
      return parsed.ok ? null : parsed.message;
    };
    expect(problem('/restapi/v1.0/account/~/extension/~/message-store')).toMatch(
      /not an event filter the emulator supports/,
    );
    expect(problem('/restapi/v1.0/account/999/telephony/sessions')).toMatch(/names account \[999\]/);
    expect(problem('/restapi/v1.0/account/~/extension/424242/presence')).toMatch(/extension \[424242\]/);
    expect(problem('/restapi/v1.0/account/~/call-queues/1001/presence')).toMatch(/call queue \[1001\]/);
    expect(problem('/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyStatus=true')).toMatch(
      /detailedTelephonyStatus/,
    );
    expect(problem('/restapi/v1.0/account/~/telephony/sessions?direction=Sideways')).toMatch(
      /Inbound or Outbound/,
    );
    expect(problem('/restapi/v1.0/account/~/telephony/sessions?statusCode=Ringing')).toMatch(
      /statusCode=Ringing/,
    );
    expect(problem('account/~/presence')).toMatch(/must start with/);
    expect(problem(`/restapi/v1.0/account/~/presence?${'x'.repeat(2000)}`)).toMatch(/longer than/);
  });
});

describe('notices', () => {
  const live = new LiveCallBuilder('c9', 0, '3001');
  const caller = { phoneNumber: '+447700900009' };
  const queue = live.party({
    extensionId: '3001',
    role: 'queue',
    direction: 'Inbound',
    from: caller,
    to: { extensionId: '3001' },
    queueCall: true,
  });
  const agent = live.party({
    extensionId: '1001',
    role: 'agent',
    direction: 'Inbound',
    from: caller,
    to: { extensionId: '1001' },
    queueCall: true,
  });
  live.step(queue, 1000, 'Disconnected', { reason: 'AgentAnswered' }).step(agent, 1000, 'Answered');
  const call = live.build();
  const event = { kind: 'telephony' as const, at: 1000, call, event: call.events[0]! };

  it('deliver a telephony event with the parties each filter asks for', () => {
    const all = noticeFor(filter('/restapi/v1.0/account/~/telephony/sessions'), event, ACCOUNT, '1101');
    expect(all?.body).toMatchObject({
      sequence: 1,
      telephonySessionId: call.telephonySessionId,
      eventTime: '1970-01-01T00:00:01.000Z',
    });
    expect((all?.body.parties as unknown[]).length).toBe(2);
    const mine = noticeFor(
      filter('/restapi/v1.0/account/~/extension/1001/telephony/sessions'),
      event,
      ACCOUNT,
      '1101',
    );
    expect(mine?.body.parties).toEqual([
      expect.objectContaining({ extensionId: '1001', status: { code: 'Answered', rcc: false } }),
    ]);
    expect(
      noticeFor(
        filter('/restapi/v1.0/account/~/telephony/sessions?statusCode=Disconnected'),
        event,
        ACCOUNT,
        '1101',
      )?.body.parties,
    ).toEqual([
      expect.objectContaining({
        extensionId: '3001',
        status: { code: 'Disconnected', reason: 'AgentAnswered', rcc: false },
      }),
    ]);
    expect(
      noticeFor(
        filter('/restapi/v1.0/account/~/telephony/sessions?direction=Outbound'),
        event,
        ACCOUNT,
        '1101',
      ),
    ).toBeNull();
    expect(
      noticeFor(filter('/restapi/v1.0/account/~/extension/1002/telephony/sessions'), event, ACCOUNT, '1101'),
    ).toBeNull();
    expect(noticeFor(filter('/restapi/v1.0/account/~/presence'), event, ACCOUNT, '1101')).toBeNull();
  });
});
