import { describe, expect, it } from 'vitest';
import { NameDirectory } from '../../../main/core/directory/name-directory';
import { systemClock } from '../../../main/core/poller/clock';
import type { ApiRequest, ApiResponse } from '../../../main/core/poller/transport';

/** The account's names for analytics keys, as the settings window's key picker lists them. */

const EXTENSIONS = [
  { id: 11, extensionNumber: '101', name: 'Ada Lovelace', type: 'User' },
  { id: 12, extensionNumber: '102', name: 'Alan Turing', type: 'User' },
  { id: 21, extensionNumber: '201', name: 'Billing', type: 'Department' },
  { id: 31, extensionNumber: '301', name: 'Main menu', type: 'IvrMenu' },
  { id: 41, name: 'London', type: 'Site' },
];

async function loaded(): Promise<{ names: NameDirectory; requests: ApiRequest[] }> {
  const requests: ApiRequest[] = [];
  const transport = async (request: ApiRequest): Promise<ApiResponse> => {
    requests.push(request);
    const body = { records: EXTENSIONS, paging: { totalPages: 1 } };
    return { status: 200, headers: {}, body, bodyText: JSON.stringify(body) };
  };
  const names = new NameDirectory(transport, systemClock);
  await names.refreshIfDue();
  return { names, requests };
}

describe('name directory entries', () => {
  it('lists the keys of one kind with names and extension numbers', async () => {
    const { names, requests } = await loaded();
    expect(requests).toHaveLength(1);
    expect(names.entriesFor({ groupBy: 'Users' })).toEqual([
      { key: '11', name: 'Ada Lovelace', extensionNumber: '101' },
      { key: '12', name: 'Alan Turing', extensionNumber: '102' },
    ]);
    // A call queue is an extension of type Department.
    expect(names.entriesFor({ groupBy: 'Queues' })).toEqual([
      { key: '21', name: 'Billing', extensionNumber: '201' },
    ]);
    expect(names.entriesFor({ groupByMembers: 'Queue' })).toEqual(names.entriesFor({ groupBy: 'Queues' }));
    expect(names.entriesFor({ groupBy: 'Sites' })).toEqual([
      { key: '41', name: 'London', extensionNumber: null },
    ]);
  });

  it('says null for kinds the extension list cannot name', async () => {
    const { names } = await loaded();
    for (const grouping of [
      { groupBy: 'Departments' },
      { groupBy: 'UserGroups' },
      { groupByMembers: 'UserGroup' },
    ] as const)
      expect(names.entriesFor(grouping)).toBeNull();
  });
});
