import { getMeta, getRevision } from '@chitieu/db';
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../lib/router.ts';
import { MetaSchema } from '../schemas/common.ts';

const meta = createRoute({
  method: 'get',
  path: '/meta',
  tags: ['Hệ thống'],
  summary: 'Tên tổ chức, bản demo hay không, số hiệu dữ liệu',
  responses: { 200: { content: { 'application/json': { schema: MetaSchema } }, description: 'Thông tin' } },
});

export const metaRoutes = createRouter().openapi(meta, (c) => {
  const { db } = c.var.deps;
  return c.json(
    {
      organisation: getMeta(db, 'organisation') ?? null,
      demo: getMeta(db, 'demo') === 'true',
      revision: getRevision(db),
    },
    200,
  );
});
