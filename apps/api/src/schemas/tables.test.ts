/**
 * The answers that are table rows say what the tables say. Their zod schemas are written out (the
 * OpenAPI document is the API's contract, described field by field), so this test derives what it can
 * from the Drizzle tables and fails when the two drift apart: a column made nullable, an enum given a
 * new value, a field renamed on one side only.
 */
import { schema } from '@chitieu/db';
import type { z } from '@hono/zod-openapi';
import { getTableColumns, type Table } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { IndicatorFields, TermSchema } from './terms.ts';
import { StructureVersionSchema, TreeUnitSchema } from './units.ts';

interface Shape {
  kind: string;
  nullable: boolean;
  values?: readonly string[];
}

/** What a zod field accepts, in the terms a column is described in. */
function zodShape(field: z.ZodType): Shape {
  const nullable = field.safeParse(null).success;
  let inner = field as z.ZodType & { unwrap?: () => z.ZodType };
  while (inner.unwrap && ['nullable', 'optional'].includes(inner._zod.def.type)) inner = inner.unwrap();
  const type = inner._zod.def.type;
  if (type === 'enum') {
    const values = Object.values((inner as unknown as z.ZodEnum).enum) as string[];
    return { kind: 'string', nullable, values: [...values].sort() };
  }
  return { kind: type, nullable };
}

/** What a column holds, in the same terms. */
function columnShape(column: ReturnType<typeof getTableColumns>[string]): Shape {
  const values = column.enumValues as readonly string[] | undefined;
  return {
    kind: column.dataType,
    nullable: !column.notNull,
    ...(values?.length ? { values: [...values].sort() } : {}),
  };
}

const ROWS: [name: string, schema: z.ZodObject, tables: Table[], computed: string[]][] = [
  ['Term', TermSchema, [schema.terms], []],
  ['Indicator', IndicatorFields, [schema.indicators], []],
  ['StructureVersion', StructureVersionSchema, [schema.structureVersions], []],
  ['TreeUnit', TreeUnitSchema, [schema.units, schema.placements], ['former']],
];

describe('answers that are table rows match their tables', () => {
  for (const [name, zod, tables, computed] of ROWS) {
    test(name, () => {
      const columns = Object.assign({}, ...tables.map((table) => getTableColumns(table)));
      const fields = Object.entries(zod.shape as Record<string, z.ZodType>);
      expect(fields.length).toBeGreaterThan(3);
      for (const [key, field] of fields) {
        if (computed.includes(key)) continue;
        const column = columns[key];
        expect(column, `${name}.${key} is a column`).toBeDefined();
        expect(zodShape(field), `${name}.${key}`).toEqual(columnShape(column));
      }
    });
  }

  test('reads a drift: a nullable column described as required is caught', () => {
    expect(columnShape(getTableColumns(schema.terms).congressDate)).toEqual({
      kind: 'string',
      nullable: true,
    });
    expect(zodShape(TermSchema.shape.startDate)).toEqual({ kind: 'string', nullable: false });
  });
});
