import type { Db, SessionUser } from '@chitieu/db';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { UploadParser } from '../workers/upload-parser.ts';
import { validationError } from './errors.ts';
import type { FigureMemo } from './figure-memo.ts';
import type { Mailer } from './mailer.ts';
import type { Network } from './network.ts';
import type { Throttle } from './throttle.ts';

/** What every handler may use; set once per app, so tests build apps on their own databases. */
export interface Deps {
  db: Db;
  /** Today's calendar date in Asia/Ho_Chi_Minh (injectable for tests). */
  today: () => string;
  /** Changes on every start, so cached responses from an older build are not reused. */
  bootId: string;
  /** Failed password attempts, per (account, address) pair and per address. */
  throttles: { pair: Throttle; address: Throttle };
  /** Host names we answer for, and the proxy we believe. */
  network: Network;
  /**
   * The one-time first-run token printed at start while there is no account (null: setup refused,
   * e.g. an app built without one in a test).
   */
  setupToken: string | null;
  /** Reads uploaded files in a worker thread with memory and time limits. */
  uploads: UploadParser;
  /** Leaders' figures as response bytes, kept until the data revision changes. */
  memo: FigureMemo;
  /** Mails reminders (SMTP_URL); null: reminders stay in the app and no mail is attempted. */
  mailer: Mailer | null;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    user: SessionUser | null;
    /** The data revision, read once per signed-in request (session check and ETag). */
    revision: number | null;
    /** X-Request-Id: in every error body and logged failure. */
    requestId: string;
  };
};

/** A router whose validation failures answer with the error envelope, naming the parameter. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationError(result.error, c);
    },
  });
}
