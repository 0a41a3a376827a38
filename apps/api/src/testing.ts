/**
 * Test helpers: the real app on a real HTTP server on a free loopback port, a typed client for it,
 * the demo fresh for every test (docs/decisions/0034-tests-that-stand-alone.md), and the CLI in-process.
 */
import type { AddressInfo } from 'node:net';
import { type Db, DEMO_PASSWORD } from '@chitieu/db';
import { cloneDatabase, demoDatabase, demoLookups } from '@chitieu/db/testing';
import { serve } from '@hono/node-server';
import type { InferResponseType } from 'hono/client';
import type { StatusCode } from 'hono/utils/http-status';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { z } from 'zod';
import { type AppOptions, createApp } from './app.ts';
import type { createClient } from './client.ts';
import { runCommand } from './commands.ts';
import type { ErrorSchema } from './schemas/common.ts';

export async function startTestServer(db: Db, options: Omit<AppOptions, 'db'> = {}) {
  const app = createApp({ ...options, db, web: options.web ?? false });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold the close for seconds; every test awaited its answers.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** Log in over HTTP and return the headers a same-origin browser would send afterwards. */
export async function loginAs(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, origin: url };
}

/** First sign-in of an account with a temporary password: sign in, choose a new one, return the headers. */
export async function loginFirstTime(
  url: string,
  username: string,
  temporary: string,
  chosen = `${temporary}-moi`,
) {
  const headers = await loginAs(url, username, temporary);
  const res = await fetch(`${url}/api/auth/password`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: temporary, newPassword: chosen }),
  });
  if (res.status !== 200) throw new Error(`password change ${username}: ${res.status} ${await res.text()}`);
  return headers;
}

export type ApiError = z.infer<typeof ErrorSchema>['error'];

/**
 * The API's routes as the web's typed client sees them, for answers whose schema a route keeps to
 * itself: `Answer<Routes['admin']['indicators']['$get']>` is the body of a 200 there.
 */
export type Routes = ReturnType<typeof createClient>;
export type Answer<Endpoint, Status extends StatusCode = 200> = InferResponseType<Endpoint, Status>;

/**
 * One answer. `body` has the type the test names for a success (from the API's schemas, e.g.
 * `z.infer<typeof EntryGridSchema>`); a refusal's envelope is in `error`, so a test reads
 * `error.message` without pretending the body has another shape.
 */
export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
  error: ApiError | undefined;
}

/** An answer read as a `Reply`: for requests the client below does not send (a multipart form, a file type). */
export async function replyOf<T>(res: Response): Promise<Reply<T>> {
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
  const parsed: unknown = json ? JSON.parse(text) : text;
  const error = res.ok ? undefined : (parsed as Partial<z.infer<typeof ErrorSchema>>).error;
  // The test names the success body's type: the one place a JSON answer meets a type.
  return { status: res.status, headers: res.headers, body: parsed as T, error };
}

/**
 * A small client for the API as a browser calls it: paths as written in the address (`/api/…`),
 * the given headers (a session cookie and the origin, from `loginAs`), JSON in and out.
 */
export function api(url: string, headers: Record<string, string> = { origin: url }) {
  async function send<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    // A file goes as the request's body itself, as the web uploads it; anything else as JSON.
    const file = body instanceof Uint8Array;
    const type = file ? 'application/octet-stream' : 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': type },
      ...(body === undefined ? {} : { body: file ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    return replyOf<T>(res);
  }
  return {
    get: <T = unknown>(path: string) => send<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown = {}) => send<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => send<T>('PUT', path, body),
    patch: <T = unknown>(path: string, body: unknown) => send<T>('PATCH', path, body),
    delete: <T = unknown>(path: string, body?: unknown) => send<T>('DELETE', path, body),
    /** An uploaded file (a workbook, a CSV) posted as the body, the answer read as JSON like the others. */
    upload: <T = unknown>(path: string, bytes: Uint8Array) => send<T>('POST', path, bytes),
  };
}
export type Api = ReturnType<typeof api>;

interface DemoServerOptions extends Omit<AppOptions, 'db'> {
  /** Accounts signed in for every test (once per file: their sessions are in the copied database). */
  users?: string[];
  /** What every test of the file stands on, written once into the demo before it is copied. */
  prepare?: (demo: ReturnType<typeof demoDatabase>) => void;
}

/**
 * The demo, fresh for every test: a copy in memory of the demo (cloning is a memory copy of a few
 * MB) and the app served on it, closed after the test. The accounts named in `users` sign in once
 * per file, on the demo itself; each copy carries their sessions, so `as(user)` is signed in from
 * the first request. Read the fields inside a test or a hook: they change before each test.
 */
export function demoServerPerTest(options: DemoServerOptions = {}) {
  const { users = [], prepare, ...appOptions } = options;
  let demo: ReturnType<typeof demoDatabase> | undefined;
  const cookies = new Map<string, string>();
  let test: { db: Db; url: string; close: () => Promise<void> } | undefined;
  const template = () => {
    if (!demo) throw new Error('The demo is read in beforeAll: use it inside a test or a hook.');
    return demo;
  };
  const current = () => {
    if (!test) throw new Error('The demo is fresh for each test: use it inside a test or a hook.');
    return test;
  };
  beforeAll(async () => {
    demo = demoDatabase();
    prepare?.(demo);
    if (users.length === 0) return;
    const server = await startTestServer(demo.db, appOptions);
    for (const user of users) cookies.set(user, (await loginAs(server.url, user)).cookie);
    await server.close();
  });
  beforeEach(async () => {
    const db = cloneDatabase(template().db);
    const server = await startTestServer(db, appOptions);
    test = {
      db,
      url: server.url,
      close: async () => {
        await server.close();
        db.$client.close();
      },
    };
  });
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });
  afterAll(() => demo?.db.$client.close());
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
    get termId() {
      return template().termId;
    },
    get provinceId() {
      return template().provinceId;
    },
    get structureVersionId() {
      return template().structureVersionId;
    },
    /** Demo ids by code, read from this test's copy. */
    get find() {
      return demoLookups(current().db);
    },
    /** The headers a browser signed in as one of `users` sends (for downloads read as bytes). */
    headers(username: string): Record<string, string> {
      const cookie = cookies.get(username);
      if (!cookie) throw new Error(`${username} is not among the users signed in for this file.`);
      return { cookie, origin: current().url };
    },
    /** A client signed in as one of `users`. */
    as(username: string): Api {
      return api(current().url, this.headers(username));
    },
    /** A client without a session. */
    anonymous(): Api {
      return api(current().url);
    },
  };
}

/**
 * Run a CLI command in this process (what the console would print is returned). Only the variables
 * given are its environment. Each command file keeps one run of the real process for what only the
 * process shows: its exit code and its one line on stderr.
 */
export async function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<string[]> {
  const printed: string[] = [];
  await runCommand(args, { env, stdin: () => stdin, print: (line) => printed.push(line) });
  return printed;
}

/** The reason a CLI command gives for refusing (it must refuse). */
export async function cliRefusal(args: string[], env: Record<string, string>, stdin = ''): Promise<string> {
  try {
    await runCli(args, env, stdin);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}
