/**
 * The API's contract is split by resource in this folder (schemas only one route module uses sit
 * beside it); the OpenAPI document and the typed client (`hc<AppType>`) both come from them. Here:
 * the parameters every resource reads (ids, dates, the scope of a view), the error envelope, the meta.
 */
import { BASES, ERROR_CODES, isIsoDate } from '@chitieu/core';
import { z } from '@hono/zod-openapi';

/**
 * A number in a path or query string: plain decimal digits only. `Number()` (and z.coerce) would
 * also take '0x10', ' 1', '1e1' or '1.0', so one id could be written many ways; here it cannot.
 */
export const decimalParam = (name: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) => {
  const range = min === 1 ? 'số nguyên dương' : `số nguyên từ ${min} đến ${max}`;
  return z
    .string({ error: `“${name}” phải là ${range}.` })
    .regex(/^(0|[1-9][0-9]{0,15})$/, { error: `“${name}” phải là ${range}, chỉ gồm chữ số.` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `“${name}” phải là ${range}.` })
        .max(max, {
          error: max === Number.MAX_SAFE_INTEGER ? `“${name}” quá lớn.` : `“${name}” tối đa ${max}.`,
        }),
    );
};

/** An id in a path or query string. */
export const idParam = (name: string) => decimalParam(name);

/** An id in a JSON body: a JSON integer, never a string. */
export const idField = (name: string) =>
  z
    .number({ error: `“${name}” phải là số nguyên dương.` })
    .int({ error: `“${name}” phải là số nguyên dương.` })
    .positive({ error: `“${name}” phải là số nguyên dương.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `“${name}” quá lớn.` });

export const id = idParam;

export const IsoDate = z
  .string()
  .refine(isIsoDate, { error: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' })
  .openapi({ example: '2024-06-30' });

export const TermParams = z.object({
  termId: id('termId').openapi({ param: { name: 'termId', in: 'path' }, example: 1 }),
});

export const TargetParams = TermParams.extend({
  targetId: id('targetId').openapi({ param: { name: 'targetId', in: 'path' }, example: 2 }),
});

/** The view a leader looks at: whose figures, as of when, counting which results, in which structure. */
export const ScopeQuery = z.object({
  unitId: id('unitId').optional(),
  asOf: IsoDate.optional(),
  basis: z.enum(BASES, { error: '“basis” phải là approved hoặc submitted.' }).optional(),
  structureVersionId: id('structureVersionId').optional(),
});

export const UnitsQuery = z.object({ structureVersionId: id('structureVersionId').optional() });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
      /** Quote it to the administrator: the server's log line for this failure carries it too. */
      requestId: z.string(),
    }),
  })
  .openapi('Error');

export const MetaSchema = z
  .object({ organisation: z.string().nullable(), demo: z.boolean(), revision: z.number().int() })
  .openapi('Meta');
