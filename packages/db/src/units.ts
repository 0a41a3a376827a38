import { assertCleanText, invalid } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { bumpRevision } from './revision.ts';
import { placements, structureVersions, units } from './schema.ts';

/** Start an empty installation: the organisation's root unit in a first structure version. */
export function createRootUnit(
  db: DbOrTx,
  input: { code: string; name: string; type: string; validFrom: string },
) {
  assertCleanText('Tên đơn vị gốc', input.name, { field: 'name' });
  assertCleanText('Loại đơn vị gốc', input.type, { field: 'type' });
  return db.transaction((tx) => {
    if (tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM units`)?.n) {
      throw invalid('Đã có cây đơn vị: không tạo đơn vị gốc mới.');
    }
    const unit = tx.insert(units).values(input).returning().get();
    const version = tx
      .insert(structureVersions)
      .values({ name: 'Cơ cấu ban đầu', validFrom: input.validFrom })
      .returning()
      .get();
    tx.insert(placements)
      .values({
        structureVersionId: version.id,
        unitId: unit.id,
        parentId: null,
        path: `/${unit.id}/`,
        depth: 0,
      })
      .run();
    bumpRevision(tx);
    return unit;
  });
}
