import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText } from '../../../../main/core/settings/board-feed';

/** Reading a boards file over HTTP: the file, a 304, an error page left unread, and a size limit however it is sent. */

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/boards.json') {
      response.writeHead(200, { etag: '"v1"', 'content-type': 'application/json' });
      response.end('{"format":"callboard-boards"}');
    } else if (request.url === '/unchanged') {
      response.writeHead(304, { etag: '"v1"' });
      response.end();
    } else if (request.url === '/huge-chunked') {
      // No Content-Length: the limit must hold while the body streams in.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 40 && response.write(chunk)) sent++;
        if (sent < 40) response.once('drain', more);
        else response.end();
      };
      more();
    } else {
      response.writeHead(404);
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('fetchText', () => {
  it('reads the file with its validators, and a 304 or an error page as no text', async () => {
    expect(await fetchText(`${base}/boards.json`, {})).toEqual({
      status: 200,
      text: '{"format":"callboard-boards"}',
      etag: '"v1"',
      lastModified: null,
    });
    expect(await fetchText(`${base}/unchanged`, { 'if-none-match': '"v1"' })).toMatchObject({
      status: 304,
      text: '',
    });
    expect(await fetchText(`${base}/missing`, {})).toMatchObject({ status: 404, text: '' });
  });

  it('refuses a file over 1 MB even when the server does not say how long it is', async () => {
    await expect(fetchText(`${base}/huge-chunked`, {})).rejects.toThrow('the file is larger than 1 MB');
  });
});
