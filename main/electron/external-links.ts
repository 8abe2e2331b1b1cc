import { shell } from 'electron';
import { isLoopback } from './app-pages';

/**
 * What Callboard opens in the system browser. A window may ask to open a link (window.open, a
 * target=_blank or middle-clicked link): only https links to RingCentral's sign-in and developer
 * documentation hosts go out, everything else is refused and logged. Browser sign-in (the core's
 * openBrowser) may also go to another RingCentral platform (https, *.ringcentral.com) or an emulator
 * on this machine, because an admin chose that server in the settings window.
 */

export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'login.ringcentral.com',
  'platform.ringcentral.com',
  'platform.devtest.ringcentral.com',
  'developers.ringcentral.com',
  'support.ringcentral.com',
];

export type LinkVerdict = { ok: true; url: string } | { ok: false; reason: string };

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** A link a page asked to open: https, no credentials in it, one of the allowlisted hosts. */
export function checkExternalLink(text: string): LinkVerdict {
  const url = parse(text);
  if (!url) return { ok: false, reason: 'not a URL' };
  if (url.protocol !== 'https:') return { ok: false, reason: `only https links open (${url.protocol})` };
  if (url.username || url.password) return { ok: false, reason: 'the link carries a user name or password' };
  if (!EXTERNAL_LINK_HOSTS.includes(url.hostname))
    return { ok: false, reason: `${url.hostname} is not on Callboard's list of RingCentral hosts` };
  return { ok: true, url: url.href };
}

/** The browser sign-in page the core asks for: a RingCentral platform over https, or a local emulator. */
export function checkSignInPage(text: string): LinkVerdict {
  const url = parse(text);
  if (!url) return { ok: false, reason: 'not a URL' };
  if (url.username || url.password)
    return { ok: false, reason: 'the address carries a user name or password' };
  const ringCentral = url.hostname === 'ringcentral.com' || url.hostname.endsWith('.ringcentral.com');
  if (url.protocol === 'https:' && ringCentral) return { ok: true, url: url.href };
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname))
    return { ok: true, url: url.href };
  return {
    ok: false,
    reason: `Callboard opens sign-in pages only on RingCentral (https://…ringcentral.com) or this machine, not ${url.host}; sign in with a JWT instead`,
  };
}

/** Opens an allowed link in the system browser; says in the log why any other was refused. */
export function openExternalLink(text: string, log: (line: string) => void): void {
  const verdict = checkExternalLink(text);
  if (!verdict.ok) {
    log(`security: refused to open a link (${verdict.reason})`);
    return;
  }
  // The URL has been checked against the allowlist above (the reason OPEN_EXTERNAL_JS_CHECK is handled).
  void shell.openExternal(verdict.url).catch((error: unknown) => {
    log(`could not open the system browser: ${String(error)}`);
  });
}

/** The core's openBrowser: the system browser, never an in-app window; refusals reach the user. */
export async function openSignInPage(text: string): Promise<void> {
  const verdict = checkSignInPage(text);
  if (!verdict.ok) throw new Error(verdict.reason);
  await shell.openExternal(verdict.url);
}
