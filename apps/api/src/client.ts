/** The typed API client for the web: response types come from the API's own routes. */
import { hc } from 'hono/client';
import type { AppType } from './app.ts';

export type { AppType };
export const createClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) =>
  hc<AppType>(baseUrl, options);
