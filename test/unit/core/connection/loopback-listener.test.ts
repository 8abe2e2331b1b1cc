import { describe, expect, it } from 'vitest';
import { callbackPage, escapeHtml } from '../../../../main/core/connection/callback-page';
import { SignInError } from '../../../../main/core/connection/errors';
import { startLoopbackListener } from '../../../../main/core/connection/loopback-listener';

async function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

describe('startLoopbackListener', () => {
  it('listens on 127.0.0.1, hands over the callback query, holds the tab until the reply, then closes', async () => {
    const listener = await startLoopbackListener({ timeoutMs: 5_000 });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect((await fetch(new URL('/favicon.ico', listener.redirectUri))).status).toBe(404);
    const tab = fetch(`${listener.redirectUri}?code=c&state=s`);
    const callback = await listener.callback;
    expect(callback.search).toBe('?code=c&state=s');
    await callback.reply(callbackPage({ ok: true }));
    const page = await tab;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('Signed in. You can close this tab');
    await listener.close();
    expect(await refused(listener.redirectUri)).toBe(true);
  });

  it('gives up at the time limit and closes', async () => {
    const listener = await startLoopbackListener({ timeoutMs: 100 });
    const outcome = await listener.callback.catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(SignInError);
    expect((outcome as SignInError).reason).toBe('timeout');
    await listener.close();
    expect(await refused(listener.redirectUri)).toBe(true);
  });

  it('stops when cancelled, and tells a waiting tab', async () => {
    const controller = new AbortController();
    const listener = await startLoopbackListener({ timeoutMs: 5_000, signal: controller.signal });
    const tab = fetch(`${listener.redirectUri}?code=c&state=s`);
    await listener.callback;
    controller.abort();
    await listener.close();
    const page = await tab;
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('The sign-in was stopped.');
  });

  it('answers a second callback with 409 and keeps the first', async () => {
    const listener = await startLoopbackListener({ timeoutMs: 5_000 });
    const first = fetch(`${listener.redirectUri}?code=1`);
    const callback = await listener.callback;
    expect((await fetch(`${listener.redirectUri}?code=2`)).status).toBe(409);
    expect(callback.search).toBe('?code=1');
    await callback.reply(callbackPage({ ok: false, message: 'Nope <b>.' }));
    expect(await (await first).text()).toContain('Nope &#60;b&#62;.');
    await listener.close();
  });
});

describe('callbackPage', () => {
  it('escapes text', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;',
    );
  });
});

describe('startLoopbackListener on a fixed port', () => {
  it('uses the configured port, and says so when it is taken', async () => {
    const first = await startLoopbackListener({ timeoutMs: 5_000 });
    const port = Number(new URL(first.redirectUri).port);
    const failure = await startLoopbackListener({ timeoutMs: 5_000, port }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as Error).message).toBe(
      'Could not receive the sign-in answer on 127.0.0.1 (EADDRINUSE).',
    );
    await first.close();
    const fixed = await startLoopbackListener({ timeoutMs: 5_000, port });
    expect(fixed.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    await fixed.close();
  });
});
