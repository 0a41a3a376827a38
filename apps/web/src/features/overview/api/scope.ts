import type { Basis } from '@chitieu/core';
/** The view a dashboard request is about; missing parts are filled in by the API. */
export interface ScopeParams {
  termId: number;
  unitId?: number | undefined;
  asOf?: string | undefined;
  basis?: Basis | undefined;
  structureVersionId?: number | undefined;
}

/** Query string for the API: only what is set, as strings. */
export function scopeQuery({ unitId, asOf, basis, structureVersionId }: ScopeParams) {
  return {
    ...(unitId === undefined ? {} : { unitId: String(unitId) }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(basis === undefined ? {} : { basis }),
    ...(structureVersionId === undefined ? {} : { structureVersionId: String(structureVersionId) }),
  };
}

/** The part of a query key that identifies the scope (undefined parts drop out of the hash). */
export function scopeKey({ termId, unitId, asOf, basis, structureVersionId }: ScopeParams) {
  return { termId, unitId, asOf, basis, structureVersionId };
}
