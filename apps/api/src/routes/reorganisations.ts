/**
 * Reorganisation (docs/decisions/0009-reorganisation.md): upload a merge map with its effective date
 * for a preview, then apply it. Admin only; the domain layer (`applyReorganisation`) authorises,
 * checks and writes in one transaction. The form is multipart/form-data: the CSV in `file`, the date
 * in `effectiveDate`, and optional JSON objects `designations` (old code → designated new code of a
 * partial unit), `parentNames` (code → name of a new parent the tree lacks) and `parentTypes` (code →
 * its type, chosen: a name such as "Hội LHPN tỉnh Lâm Đồng" does not say it).
 */
import { applyReorganisation, authorizeReorganisation, previewReorganisation } from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { BODY_LIMIT, limitBody } from '../lib/body-limit.ts';
import { errors, json } from '../lib/openapi.ts';
import { type AppEnv, createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { ErrorSchema, idParam } from '../schemas/common.ts';

/** A form field holding a JSON object of short strings (codes → codes or names). */
const JsonCodes = (what: string) =>
  z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `${what} phải là một đối tượng JSON.` });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(z.string().max(20), z.string().min(1).max(200), {
        error: `${what} phải là một đối tượng JSON.`,
      }),
    )
    .optional();

const MapForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { error: 'Chưa có tệp: hãy gửi tệp CSV bản đồ sáp nhập.' })
    .openapi({ type: 'string', format: 'binary' }),
  effectiveDate: z
    .string({ error: 'Cần ngày hiệu lực.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày hiệu lực cần dạng YYYY-MM-DD.'),
  designations: JsonCodes('“designations”'),
  parentNames: JsonCodes('“parentNames”'),
  parentTypes: JsonCodes('“parentTypes”'),
  /** The structure version the preview showed; a different current one answers 409. */
  previousVersionId: idParam('previousVersionId').optional(),
});

const Problem = z.object({
  line: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string(),
});

export const ReorganisationPlanSchema = z
  .object({
    hash: z.string(),
    effectiveDate: z.string(),
    alreadyApplied: z.object({ structureVersionId: z.number().int(), at: z.string() }).nullable(),
    previousVersion: z.object({ id: z.number().int(), name: z.string(), validFrom: z.string() }),
    newVersionName: z.string(),
    closes: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        reason: z.enum(['map', 'level_ended', 'replaced']),
        attributedTo: z.string(),
      }),
    ),
    opens: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: z.string(),
        parentCode: z.string(),
        parentName: z.string(),
        predecessors: z.array(z.string()),
      }),
    ),
    createdParents: z.array(z.object({ code: z.string(), name: z.string().nullable(), type: z.string() })),
    successions: z.array(
      z.object({
        oldId: z.number().int(),
        oldCode: z.string(),
        oldName: z.string(),
        newCode: z.string(),
        newName: z.string(),
        kind: z.enum(['full', 'partial']),
        designated: z.boolean(),
      }),
    ),
    partials: z.array(
      z.object({
        oldCode: z.string(),
        oldName: z.string(),
        successors: z.array(z.object({ code: z.string(), name: z.string() })),
        designated: z.string(),
        defaulted: z.boolean(),
      }),
    ),
    placements: z.object({
      carried: z.number().int(),
      opened: z.number().int(),
      attributed: z.number().int(),
      total: z.number().int(),
    }),
    allocations: z.array(
      z.object({
        targetId: z.number().int(),
        targetCode: z.string(),
        targetName: z.string(),
        from: z.array(z.object({ code: z.string(), name: z.string(), goal: z.number().int() })),
        toCode: z.string(),
        toName: z.string(),
        goal: z.number().int(),
      }),
    ),
    roles: z.array(
      z.object({
        userId: z.number().int(),
        username: z.string(),
        role: z.string(),
        fromCode: z.string(),
        fromName: z.string(),
        toCode: z.string().nullable(),
        toName: z.string().nullable(),
      }),
    ),
    warnings: z.array(Problem),
  })
  .openapi('ReorganisationPlan');

const body = { body: { content: { 'multipart/form-data': { schema: MapForm } }, required: true } };

/** The map's size limit, after the right is checked (a form is a file: limitJsonBody is not for it). */
const mapLimit = limitBody(BODY_LIMIT, 'Tệp quá lớn (tối đa 1 MB).');

/** Route middleware runs before the form is read and validated: a refused user's file is never read. */
const adminFirst = createMiddleware<AppEnv>(async (c, next) => {
  authorizeReorganisation(c.var.deps.db, currentUser(c));
  await next();
});

const preview = createRoute({
  method: 'post',
  path: '/reorganisations/preview',
  tags: ['Đơn vị'],
  summary: 'Xem trước việc áp dụng bản đồ sáp nhập (không ghi gì)',
  middleware: [adminFirst, mapLimit] as const,
  request: body,
  responses: { 200: json(ReorganisationPlanSchema, 'Những gì sẽ thay đổi'), ...errors },
});

const apply = createRoute({
  method: 'post',
  path: '/reorganisations',
  tags: ['Đơn vị'],
  summary: 'Áp dụng bản đồ sáp nhập: cơ cấu mới từ ngày hiệu lực (áp dụng lại cùng bản đồ: không đổi gì)',
  middleware: [adminFirst, mapLimit] as const,
  request: body,
  responses: {
    200: json(
      z.object({
        applied: z.boolean(),
        structureVersionId: z.number().int(),
        plan: ReorganisationPlanSchema,
        corrected: z.array(z.string()).openapi({
          description:
            'Old codes of split units whose results now go to another successor (same map, other designations)',
        }),
      }),
      'Đã áp dụng (applied=false: bản đồ này đã được áp dụng trước đó, hoặc chỉ sửa đơn vị kế thừa)',
    ),
    ...errors,
    409: json(ErrorSchema, 'Cơ cấu đã thay đổi kể từ khi xem trước'),
  },
});

async function input(form: z.infer<typeof MapForm>) {
  return {
    map: new Uint8Array(await form.file.arrayBuffer()),
    effectiveDate: form.effectiveDate,
    designations: form.designations,
    parentNames: form.parentNames,
    parentTypes: form.parentTypes,
    expectedVersionId: form.previousVersionId,
  };
}

export const reorganisationsRoutes = createRouter()
  .openapi(preview, async (c) => {
    const user = currentUser(c);
    return c.json(previewReorganisation(c.var.deps.db, user, await input(c.req.valid('form'))), 200);
  })
  .openapi(apply, async (c) => {
    const user = currentUser(c);
    return c.json(applyReorganisation(c.var.deps.db, user, await input(c.req.valid('form'))), 200);
  });
