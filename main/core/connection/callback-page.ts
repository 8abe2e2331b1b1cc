/**
 * The small page the browser tab shows after the loopback redirect, so the person knows what
 * happened and that the tab is no longer needed. Static HTML, no script; text is escaped.
 */

export interface CallbackPage {
  status: number;
  html: string;
}

export function callbackPage(outcome: { ok: true } | { ok: false; message: string }): CallbackPage {
  const title = outcome.ok ? 'Signed in to Callboard' : 'Callboard sign-in did not complete';
  const text = outcome.ok
    ? 'Signed in. You can close this tab and return to Callboard.'
    : `${outcome.message} You can close this tab.`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;margin:15vh auto;max-width:36em;padding:0 1em;color:#1b1b1b}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>
`;
  return { status: outcome.ok ? 200 : 400, html };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
