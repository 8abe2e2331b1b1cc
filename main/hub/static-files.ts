import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves the built renderer (out/renderer). Paths are resolved inside the root only; anything that
 * is not a file falls back to index.html (the board is a single page). Hashed assets are cached long,
 * index.html never, so a TV picks up a new build on its next soft reload.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export class StaticFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async serve(pathname: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
    let file = this.resolvePath(pathname);
    if (file === null) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Bad path');
      return;
    }
    if (!(await isFile(file))) file = join(this.root, 'index.html');
    if (!(await isFile(file))) {
      response
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
        .end('The board has not been built yet: run `npm run build`, then start the hub again.');
      return;
    }
    const isIndex = file.endsWith(`${sep}index.html`);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
      ...headers,
    });
    createReadStream(file).pipe(response);
  }

  private resolvePath(pathname: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = join(this.root, normalize(decoded));
    return file === this.root || file.startsWith(this.root + sep) ? file : null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
