import { LIVE_PERMISSIONS, type LivePermission } from '../../../contract/live';

/**
 * Which live permission an error says the app lacks. RingCentral answers 403 CMN-401 naming the
 * permission (`permissionName`, and "[WebSocket] permission" in the message); the SDK's error carries
 * the response, @rc-ex/ws's RestException its own. Returns null for any other error.
 */
export async function missingPermissionOf(error: unknown): Promise<LivePermission | null> {
  const texts: string[] = [];
  const response = (error as { response?: unknown } | null)?.response as
    { clone?: () => { text(): Promise<string> }; data?: unknown } | undefined;
  if (response && typeof response.clone === 'function') {
    try {
      texts.push(await response.clone().text());
    } catch {
      // An unreadable body: the message may still say it.
    }
  } else if (response && typeof response === 'object') {
    texts.push(JSON.stringify(response.data ?? ''));
  }
  if (error instanceof Error) texts.push(error.message);
  return permissionIn(texts.join(' '));
}

export function permissionIn(text: string): LivePermission | null {
  if (!/CMN-401|permission/i.test(text)) return null;
  for (const permission of LIVE_PERMISSIONS) {
    if (text.includes(`"permissionName":"${permission}"`) || text.includes(`[${permission}]`))
      return permission;
  }
  return null;
}

export function missingMessage(missing: readonly LivePermission[]): string {
  const names = missing.join(', ');
  return `The RingCentral app lacks the ${names} permission${missing.length > 1 ? 's' : ''} live state needs; add ${missing.length > 1 ? 'them' : 'it'} to the app in the RingCentral developer console.`;
}
