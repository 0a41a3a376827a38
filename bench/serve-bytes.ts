/**
 * The ceiling for a dashboard endpoint: the same HTTP stack (Hono on @hono/node-server) answering
 * every request with bytes computed beforehand, with no session, database or JSON work.
 *   node --import tsx bench/serve-bytes.ts FILE PORT      (run by bench/national.ts)
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error('usage: serve-bytes.ts FILE PORT');
  process.exit(2);
}
const body = readFileSync(file, 'utf8');
const app = new Hono().get('*', (c) => c.body(body, 200, { 'content-type': 'application/json' }));
process.on('SIGTERM', () => process.exit(0));
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('ready'));
