/**
 * A row or map entry the code knows must be there (it was just inserted, or an earlier step put
 * it in the map). Saying so with `x?.id as number` hides the mistake when it is wrong; `found`
 * fails at once and names what was missing.
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Missing ${what}.`);
  return value;
}
