import type { DirectoryData } from './directory';

/**
 * The embedded demo's account: a two-site contact centre with four queues, an IVR and 26 users.
 * Names are invented. Business hours (used by the synthetic call center) are Mon–Fri 08:00–18:00
 * and Sat 09:00–13:00 in the account's zone, or 08:00–18:00 every day with its `openEveryDay`
 * option (the embedded demo). The embedded demo also moves the account's zone to wherever it is
 * daytime (main/demo/demo-zone.ts); Europe/London is its home.
 */

const AGENTS: Array<[string, string, string, string, string[], string[]]> = [
  // name, department, site, user group, queues, extra groups
  ['Amara Okafor', 'Sales', 'london', 'Team Red', ['3001'], []],
  ['Ben Hughes', 'Sales', 'london', 'Team Red', ['3001'], []],
  ['Chloe Martin', 'Sales', 'manchester', 'Team Blue', ['3001', '3003'], []],
  ['Daniel Kowalski', 'Sales', 'manchester', 'Team Blue', ['3001'], []],
  ['Ella Thompson', 'Sales', 'london', 'Team Red', ['3001'], []],
  ['Farid Rahman', 'Customer Care', 'london', 'Team Red', ['3002'], []],
  ['Grace Liu', 'Customer Care', 'london', 'Team Red', ['3002'], []],
  ['Harry Evans', 'Customer Care', 'manchester', 'Team Blue', ['3002'], []],
  ['Isla Murphy', 'Customer Care', 'manchester', 'Team Blue', ['3002', '3004'], []],
  ['Jack Wilson', 'Customer Care', 'london', 'Team Red', ['3002'], []],
  ['Kiran Patel', 'Customer Care', 'manchester', 'Team Blue', ['3002'], []],
  ['Lena Fischer', 'Customer Care', 'london', 'Team Red', ['3002'], []],
  ['Mohammed Ali', 'Customer Care', 'manchester', 'Team Blue', ['3002'], []],
  ['Nora Byrne', 'Finance', 'london', 'Team Red', ['3003'], []],
  ['Oliver Smith', 'Finance', 'manchester', 'Team Blue', ['3003'], []],
  ['Priya Nair', 'Finance', 'london', 'Team Red', ['3003', '3001'], []],
  ['Quentin Brooks', 'Finance', 'manchester', 'Team Blue', ['3003'], []],
  ['Rosa Garcia', 'Technical', 'london', 'Team Red', ['3004'], []],
  ['Samuel Adeyemi', 'Technical', 'manchester', 'Team Blue', ['3004'], []],
  ['Tara Walsh', 'Technical', 'london', 'Team Red', ['3004', '3002'], []],
  ['Umar Sheikh', 'Technical', 'manchester', 'Team Blue', ['3004'], []],
  ['Vera Novak', 'Technical', 'london', 'Team Red', ['3004'], []],
  ['William Clarke', 'Customer Care', 'london', 'Team Red', ['3002'], []],
  ['Yasmin Haddad', 'Sales', 'manchester', 'Team Blue', ['3001'], []],
];

const SITE_IDS: Record<string, string> = { london: '900001', manchester: '900002' };

export function demoDirectory(): DirectoryData {
  return {
    account: { id: '400100001', timeZone: 'Europe/London', name: 'Northwind Contact Centre' },
    companyNumbers: ['+442071234500', '+442071234510', '+448001234567'],
    extensions: [
      site('900001', '9001', 'London'),
      site('900002', '9002', 'Manchester'),
      queue('3001', '3001', 'Sales', 20, 80),
      queue('3002', '3002', 'Customer Support', 30, 80),
      queue('3003', '3003', 'Billing', 30, 85),
      queue('3004', '3004', 'Technical Support', 45, 75),
      { ...base('2001', '2000', 'Main Menu', 'IvrMenu'), site: '900001' },
      { ...base('2101', '2100', 'Reception', 'SharedLinesGroup'), site: '900001' },
      ...AGENTS.map(([name, department, siteKey, group, queues], i) => ({
        ...base(String(1001 + i), String(101 + i), name, 'User'),
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@northwind.example`,
        department,
        site: SITE_IDS[siteKey],
        userGroups: [group],
        queues,
      })),
      {
        ...base('1101', '201', 'Sofia Reyes', 'User'),
        email: 'sofia.reyes@northwind.example',
        department: 'Operations',
        site: '900001',
        userGroups: ['Supervisors'],
      },
      {
        ...base('1102', '202', 'Tom Lindqvist', 'User'),
        email: 'tom.lindqvist@northwind.example',
        department: 'Operations',
        site: '900002',
        userGroups: ['Supervisors'],
      },
    ],
  };
}

function base(
  id: string,
  extensionNumber: string,
  name: string,
  type: 'User' | 'IvrMenu' | 'SharedLinesGroup',
) {
  return { id, extensionNumber, name, type, status: 'Enabled' as const, userGroups: [], queues: [] };
}

function site(id: string, extensionNumber: string, name: string) {
  return {
    id,
    extensionNumber,
    name,
    type: 'Site' as const,
    status: 'Enabled' as const,
    userGroups: [],
    queues: [],
  };
}

function queue(
  id: string,
  extensionNumber: string,
  name: string,
  slaThresholdSeconds: number,
  slaGoal: number,
) {
  return {
    id,
    extensionNumber,
    name,
    type: 'Department' as const,
    status: 'Enabled' as const,
    site: '900001',
    userGroups: [],
    queues: [],
    slaThresholdSeconds,
    slaGoal,
  };
}

/** The demo's supervisor signs in; analytics are account-wide regardless. */
export const DEMO_OWNER_ID = '1101';
