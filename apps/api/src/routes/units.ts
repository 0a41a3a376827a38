import { notFound } from '@chitieu/core';
import { schema, unitTree, versionAt } from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { ErrorSchema, UnitsQuery } from '../schemas/common.ts';
import { StructureVersionSchema, TreeUnitSchema } from '../schemas/units.ts';

const versions = createRoute({
  method: 'get',
  path: '/structure-versions',
  tags: ['Đơn vị'],
  summary: 'Các phiên bản cơ cấu tổ chức',
  responses: {
    200: {
      content: { 'application/json': { schema: z.array(StructureVersionSchema) } },
      description: 'Cơ cấu',
    },
  },
});

const tree = createRoute({
  method: 'get',
  path: '/units',
  tags: ['Đơn vị'],
  summary: 'Cây đơn vị của một cơ cấu (mặc định: cơ cấu hiện hành)',
  request: { query: UnitsQuery },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ structureVersionId: z.number().int(), units: z.array(TreeUnitSchema) }),
        },
      },
      description: 'Cây đơn vị, cha trước con',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Tham số không hợp lệ' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Không tìm thấy' },
  },
});

export const unitsRoutes = createRouter()
  .openapi(versions, (c) => {
    currentUser(c);
    const rows = c.var.deps.db
      .select({
        id: schema.structureVersions.id,
        name: schema.structureVersions.name,
        validFrom: schema.structureVersions.validFrom,
        validTo: schema.structureVersions.validTo,
      })
      .from(schema.structureVersions)
      .orderBy(asc(schema.structureVersions.validFrom))
      .all();
    return c.json(rows, 200);
  })
  .openapi(tree, (c) => {
    const { db, today } = c.var.deps;
    currentUser(c);
    const structureVersionId = c.req.valid('query').structureVersionId ?? versionAt(db, today());
    const exists = db
      .select({ id: schema.structureVersions.id })
      .from(schema.structureVersions)
      .where(eq(schema.structureVersions.id, structureVersionId))
      .get();
    if (!exists) throw notFound(`Không tìm thấy cơ cấu tổ chức ${structureVersionId}.`);
    return c.json({ structureVersionId, units: unitTree(db, structureVersionId) }, 200);
  });
