import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendText } from './hub-replies';

/**
 * Serves the built renderer (out/renderer) with @fastify/static, which keeps every path inside the
 * root and refuses `..` and other non-canonical forms. Anything that is not a file falls back to
 * index.html (the board is a single page). Hashed assets are cached long, index.html never, so a TV
 * picks up a new build on its next soft reload.
 */

const INDEX = 'index.html';
const NOT_BUILT = 'The board has not been built yet: run `npm run build`, then start the hub again.';

/** GET and HEAD for every path not claimed by a more specific route; misses reach the not-found handler. */
export function serveRenderer(app: FastifyInstance, rendererDir: string): void {
  void app.register(fastifyStatic, {
    root: resolve(rendererDir),
    // The hub sets Cache-Control itself: it depends on the file, not one age for all.
    cacheControl: false,
    setHeaders(reply, path) {
      const isIndex = basename(path).endsWith('.html');
      reply.header('Cache-Control', isIndex ? 'no-store' : 'public, max-age=31536000, immutable');
    },
  });
}

/** The single-page fallback: index.html, or 503 while there is no build to serve. */
export function sendIndex(reply: FastifyReply, rendererDir: string): Promise<FastifyReply> {
  return sendFileOr(reply, rendererDir, INDEX);
}

/** A page of the build (index.html, settings.html), never cached; 503 while there is no build. */
export async function sendFileOr(
  reply: FastifyReply,
  rendererDir: string,
  file: string,
): Promise<FastifyReply> {
  // Checked first: a missing file inside the not-found handler would end in Fastify's own 404.
  if (!(await isFile(join(resolve(rendererDir), file)))) return sendText(reply, 503, NOT_BUILT);
  return reply.header('Cache-Control', 'no-store').sendFile(file);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
