import { z } from 'zod';
import { isValidTimeZone } from '../../contract/api-request';

/**
 * The account directory the emulator serves and groups analytics by (docs/emulator-data.md).
 * Membership lives on the member: a user lists its department, site, user groups and queues.
 */

export const EXTENSION_TYPES = [
  'User',
  'Department',
  'Announcement',
  'Voicemail',
  'DigitalUser',
  'VirtualUser',
  'FaxUser',
  'PagingOnly',
  'SharedLinesGroup',
  'DelegatedLinesGroup',
  'GroupCallPickup',
  'IvrMenu',
  'ApplicationExtension',
  'ProxyAdmin',
  'RoomConnector',
  'ParkLocation',
  'Limited',
  'Bot',
  'Site',
  'Room',
  'FlexibleUser',
  'TieLine',
  'Unknown',
] as const;

export const EXTENSION_STATUSES = ['Enabled', 'Disabled', 'Frozen', 'NotActivated', 'Unassigned'] as const;

const timeZoneSchema = z.string().refine(isValidTimeZone, { error: 'is not an IANA time zone' });

export const ExtensionSchema = z.object({
  id: z.string().min(1),
  extensionNumber: z.string().max(8).default(''),
  name: z.string().default(''),
  type: z.enum(EXTENSION_TYPES),
  status: z.enum(EXTENSION_STATUSES).default('Enabled'),
  email: z.string().optional(),
  department: z.string().optional(),
  site: z.string().optional(),
  userGroups: z.array(z.string()).default([]),
  queues: z.array(z.string()).default([]),
  slaThresholdSeconds: z.number().int().positive().optional(),
  slaGoal: z.number().min(0).max(100).optional(),
});

export const DirectorySchema = z.object({
  account: z.object({
    id: z.string().min(1),
    timeZone: timeZoneSchema.default('UTC'),
    name: z.string().optional(),
  }),
  extensions: z.array(ExtensionSchema),
  companyNumbers: z.array(z.string()).default([]),
});

export type Extension = z.infer<typeof ExtensionSchema>;
export type DirectoryData = z.infer<typeof DirectorySchema>;

export { isValidTimeZone };

/** Indexed, read-only view of a directory. */
export class Directory {
  readonly account: DirectoryData['account'];
  readonly extensions: readonly Extension[];
  readonly companyNumbers: readonly string[];
  private readonly byId = new Map<string, Extension>();

  constructor(data: DirectoryData) {
    this.account = data.account;
    this.extensions = data.extensions;
    this.companyNumbers = data.companyNumbers;
    for (const ext of data.extensions) {
      if (this.byId.has(ext.id)) throw new Error(`Directory lists extension id ${ext.id} twice`);
      this.byId.set(ext.id, ext);
    }
  }

  get(id: string): Extension | undefined {
    return this.byId.get(id);
  }

  ofType(type: Extension['type']): Extension[] {
    return this.extensions.filter((ext) => ext.type === type);
  }

  /** Distinct department names, in directory order. */
  departments(): string[] {
    return distinct(this.extensions.flatMap((ext) => (ext.department ? [ext.department] : [])));
  }

  userGroups(): string[] {
    return distinct(this.extensions.flatMap((ext) => ext.userGroups));
  }

  /** Site extensions first, then any site id a member names without a Site extension. */
  sites(): string[] {
    return distinct([
      ...this.ofType('Site').map((ext) => ext.id),
      ...this.extensions.flatMap((ext) => (ext.site ? [ext.site] : [])),
    ]);
  }

  queueMembers(queueId: string): Extension[] {
    return this.extensions.filter((ext) => ext.queues.includes(queueId));
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Parse and validate a directory document, naming the offending field on failure. */
export function parseDirectory(json: unknown, source = 'directory'): Directory {
  const parsed = DirectorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    throw new Error(`${source}: ${path || '(root)'} ${issue?.message ?? 'is invalid'}`);
  }
  return new Directory(parsed.data);
}
