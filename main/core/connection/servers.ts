import type { Server } from '../../../contract/connection';

/**
 * Where a connection signs in: RingCentral production, another platform URL (regional or test),
 * or the embedded demo (the bundled emulator, whose URL the caller knows once it has started).
 */

export const PRODUCTION_SERVER = 'https://platform.ringcentral.com';

export type ServerTarget = Server | { kind: 'demo'; url: string };

/** The base URL without a trailing slash (the SDK appends paths that start with "/"). */
export function serverUrlOf(target: ServerTarget): string {
  const url = target.kind === 'production' ? PRODUCTION_SERVER : target.url;
  return url.replace(/\/+$/, '');
}
