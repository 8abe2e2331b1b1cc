import type { CompiledCall, CompiledView } from '../data/calls';
import type { Directory, Extension } from '../data/directory';
import type { GroupingQuery } from './query';
import type { GroupBy } from './vocabulary';

/**
 * Which records a request produces and which view of a call each record sees (DESIGN.md §4):
 * Company and CompanyNumbers see the company view; Users, Queues, IVRs, SharedLines and IVAs see the
 * legs of extensions of that type; Departments, UserGroups and Sites see the legs of their members,
 * counted once per call; groupByMembers gives user records restricted to members of the groups.
 */

export interface KeyInfo {
  extensionNumber?: string;
  name?: string;
}

export interface GroupPlan {
  /** The `groupedBy` value of the response. */
  readonly groupedBy: GroupBy;
  /** Every record key, in response order. */
  readonly keys: readonly string[];
  info(key: string): KeyInfo | undefined;
  /** The view each wanted key sees of this call (several legs of one key are merged). */
  views(
    call: CompiledCall,
    wanted: ReadonlySet<string>,
    emit: (key: string, view: CompiledView) => void,
  ): void;
}

const EXTENSION_TYPE_OF: Partial<Record<GroupBy, Extension['type']>> = {
  Users: 'User',
  Queues: 'Department',
  IVRs: 'IvrMenu',
  SharedLines: 'SharedLinesGroup',
  IVAs: 'Bot',
};

const MEMBER_SCOPES = {
  Department: (ext: Extension) => (ext.department ? [ext.department] : []),
  UserGroup: (ext: Extension) => ext.userGroups,
  Queue: (ext: Extension) => ext.queues,
  Site: (ext: Extension) => (ext.site ? [ext.site] : []),
} as const;

export function planGrouping(query: GroupingQuery, directory: Directory): GroupPlan {
  if (query.kind === 'members') return membersPlan(query.scope, query.keys, directory);
  const { groupBy, keys } = query;
  if (groupBy === 'Company') return companyPlan(directory);
  if (groupBy === 'CompanyNumbers') return companyNumbersPlan(keys, directory);
  const type = EXTENSION_TYPE_OF[groupBy];
  if (type) {
    const members = new Map(directory.ofType(type).map((ext) => [ext.id, [ext.id]]));
    return legsPlan(groupBy, keys ?? [...members.keys()], members, directory);
  }
  const groupsOf = {
    Departments: MEMBER_SCOPES.Department,
    UserGroups: MEMBER_SCOPES.UserGroup,
    Sites: (ext: Extension) => (ext.type === 'Site' ? [ext.id] : MEMBER_SCOPES.Site(ext)),
  }[groupBy as 'Departments' | 'UserGroups' | 'Sites'];
  const allKeys = {
    Departments: () => directory.departments(),
    UserGroups: () => directory.userGroups(),
    Sites: () => directory.sites(),
  }[groupBy as 'Departments' | 'UserGroups' | 'Sites'];
  const membership = new Map(directory.extensions.map((ext) => [ext.id, groupsOf(ext)]));
  return legsPlan(groupBy, keys ?? allKeys(), membership, directory);
}

function extensionInfo(ext: Extension | undefined): KeyInfo | undefined {
  return ext ? { extensionNumber: ext.extensionNumber, name: ext.name } : undefined;
}

function companyPlan(directory: Directory): GroupPlan {
  const key = directory.account.id;
  return {
    groupedBy: 'Company',
    keys: [key],
    info: () => (directory.account.name ? { name: directory.account.name } : undefined),
    views(call, wanted, emit) {
      if (wanted.has(key)) emit(key, call.company);
    },
  };
}

function companyNumbersPlan(keys: readonly string[] | null, directory: Directory): GroupPlan {
  return {
    groupedBy: 'CompanyNumbers',
    keys: [...new Set(keys ?? directory.companyNumbers)],
    info: () => undefined,
    views(call, wanted, emit) {
      if (call.calledNumber !== undefined && wanted.has(call.calledNumber))
        emit(call.calledNumber, call.company);
    },
  };
}

/** Records keyed by group; `membership` maps an extension id to the keys its legs count for. */
function legsPlan(
  groupedBy: GroupBy,
  keys: readonly string[],
  membership: ReadonlyMap<string, readonly string[]>,
  directory: Directory,
): GroupPlan {
  const uniqueKeys = [...new Set(keys)];
  return {
    groupedBy,
    keys: uniqueKeys,
    info: (key) => {
      const ext = directory.get(key);
      if (ext) return extensionInfo(ext);
      return groupedBy === 'Departments' || groupedBy === 'UserGroups' ? { name: key } : undefined;
    },
    views(call, wanted, emit) {
      collectLegs(call, wanted, (ext) => membership.get(ext), emit);
    },
  };
}

function membersPlan(
  scope: keyof typeof MEMBER_SCOPES,
  groups: readonly string[] | null,
  directory: Directory,
) {
  const wantedGroups = groups ? new Set(groups) : null;
  const users = directory
    .ofType('User')
    .filter((user) => MEMBER_SCOPES[scope](user).some((group) => !wantedGroups || wantedGroups.has(group)));
  const userIds = new Map(users.map((user) => [user.id, [user.id]]));
  const plan = legsPlan('Users', [...userIds.keys()], userIds, directory);
  return plan;
}

/** Group a call's legs by record key; one key seeing several legs gets them merged into one view. */
function collectLegs(
  call: CompiledCall,
  wanted: ReadonlySet<string>,
  keysOf: (extensionId: string) => readonly string[] | undefined,
  emit: (key: string, view: CompiledView) => void,
): void {
  let first: Map<string, CompiledView[]> | null = null;
  for (const leg of call.legs) {
    const keys = leg.extensionId === undefined ? undefined : keysOf(leg.extensionId);
    if (!keys) continue;
    for (const key of keys) {
      if (!wanted.has(key)) continue;
      first ??= new Map();
      const list = first.get(key);
      if (list) list.push(leg);
      else first.set(key, [leg]);
    }
  }
  if (!first) return;
  for (const [key, legs] of first) emit(key, legs.length === 1 ? legs[0]! : mergeLegs(legs));
}

/**
 * The call as one group saw it when several of its members' legs touched it: counted once, with the
 * first leg's direction, type and SLA, answered if any leg answered, the last leg's result and ending
 * party, and the members' seconds, segments, actions and queue opportunities added up.
 */
export function mergeLegs(legs: readonly CompiledView[]): CompiledView {
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  const answered = legs.find((leg) => leg.response === 0);
  const sum = (pick: (leg: CompiledView) => number) => legs.reduce((total, leg) => total + pick(leg), 0);
  return {
    extensionId: first.extensionId,
    direction: first.direction,
    response: answered ? answered.response : first.response,
    result: last.result,
    type: first.type,
    queueSla: legs.find((leg) => leg.queueSla >= 0)?.queueSla ?? -1,
    queueHours: first.queueHours,
    endingParty: last.endingParty,
    timeSpent: sum((leg) => leg.timeSpent),
    queueOpportunities: sum((leg) => leg.queueOpportunities),
    segments: first.segments.map((_, i) => sum((leg) => leg.segments[i]!)),
    actions: first.actions.map((_, i) => sum((leg) => leg.actions[i]!)),
  };
}
