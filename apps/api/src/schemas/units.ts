import { z } from '@hono/zod-openapi';

export const TreeUnitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    isGrassroots: z.boolean(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
    validFrom: z.string(),
    validTo: z.string().nullable().openapi({ description: 'Exclusive; null while the unit exists' }),
    former: z.boolean().openapi({
      description: 'Closed before this structure began; kept below the successor its results go to',
    }),
  })
  .openapi('TreeUnit');

export const StructureVersionSchema = z
  .object({ id: z.number().int(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
  .openapi('StructureVersion');
