import type { QueryClient } from '@tanstack/react-query';
import { adminUnitsQueryOptions } from './get-admin-units.ts';

/** After a change to the tree: the admin list, and every view that reads units or figures by unit. */
export const invalidateUnits = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: adminUnitsQueryOptions().queryKey }),
    client.invalidateQueries({ queryKey: ['units'] }),
  ]);
