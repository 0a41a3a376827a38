import type { Db, SessionUser } from '@chitieu/db';
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './errors.ts';
import type { FigureMemo } from './figure-memo.ts';
import type { Throttle } from './throttle.ts';

/** What every handler may use; set once per app, so tests build apps on their own databases. */
export interface Deps {
  db: Db;
  /** Today's calendar date in Asia/Ho_Chi_Minh (injectable for tests). */
  today: () => string;
  /** Changes on every start, so cached responses from an older build are not reused. */
  bootId: string;
  /** Failed logins, per account and per address. */
  throttles: { account: Throttle; address: Throttle };
  /** Leaders' figures as response bytes, kept until the data revision changes. */
  memo: FigureMemo;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    user: SessionUser | null;
    /** The data revision, read once per signed-in request (session check and ETag). */
    revision: number | null;
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
