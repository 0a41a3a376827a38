/**
 * Every failure names its request: the envelope's `requestId` is the X-Request-Id header of the
 * answer, and an unexpected failure is logged under the same id while the client learns nothing else.
 */
import { DomainError } from '@chitieu/core';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onError } from './errors.ts';

function app() {
  const hono = new Hono();
  hono.use(requestId());
  hono.get('/refused', () => {
    throw new DomainError('forbidden', 'Bạn không có quyền xem đơn vị này.');
  });
  hono.get('/broken', () => {
    throw new Error('SQLITE_CORRUPT: secret detail at /srv/data/chitieu.db');
  });
  hono.onError(onError);
  return hono;
}

interface Envelope {
  error: { code: string; message: string; requestId: string };
}

afterEach(() => vi.restoreAllMocks());

describe('the error envelope', () => {
  it('carries the id of its request, as the X-Request-Id header says, new for each request', async () => {
    const first = await app().request('/refused');
    const second = await app().request('/refused');
    const body = (await first.json()) as Envelope;
    expect(first.status).toBe(403);
    expect(body.error).toMatchObject({ code: 'forbidden', message: 'Bạn không có quyền xem đơn vị này.' });
    expect(body.error.requestId).toMatch(/^[\w-]{16,}$/);
    expect(body.error.requestId).toBe(first.headers.get('x-request-id'));
    expect(((await second.json()) as Envelope).error.requestId).not.toBe(body.error.requestId);
  });

  it('an unexpected failure: logged under the request id, the client gets only the id and a plain message', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    const res = await app().request('/broken');
    const body = (await res.json()) as Envelope;
    expect(res.status).toBe(500);
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('SQLITE');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.[0]).toBe(`[${body.error.requestId}]`);
    expect(String(logged[0]?.[1])).toContain('SQLITE_CORRUPT');
  });
});
