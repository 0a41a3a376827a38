/** A unit's subtree as SQL: the units at or below it in any structure version (a path range). */
import { sql } from 'drizzle-orm';

/** Units at or below `unitId` in any structure version (a subtree is a path range). */
export const subtreeOf = (unitId: number) => sql`(
  SELECT c.unit_id FROM placements f JOIN placements c
    ON c.structure_version_id = f.structure_version_id AND c.path >= f.path AND c.path < f.path || '~'
  WHERE f.unit_id = ${unitId})`;
