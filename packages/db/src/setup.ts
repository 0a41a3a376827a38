/**
 * First run of an empty installation: the organisation's root unit, its first structure version and
 * the first admin, in one immediate transaction that first checks that there is still no user — so
 * two people submitting the first-run page at once get one organisation, and the second a 409.
 */
import { assertCleanText, conflict } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { createUser } from './auth.ts';
import type { Db, DbOrTx } from './client.ts';
import { bumpRevision, setMeta } from './revision.ts';
import { auditEvents } from './schema.ts';
import { inTransaction } from './statements.ts';
import { createRootUnit } from './units.ts';

/** The first-run page is offered while nobody can sign in. */
export function setupNeeded(db: DbOrTx): boolean {
  return !db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`)?.n;
}

export interface SetupInput {
  organisation: string;
  root: { code: string; name: string; type: string; validFrom: string };
  /** The first admin; the password hashed by the caller (after checkNewPassword). */
  admin: { username: string; displayName: string; passwordHash: string };
}

export function setupOrganisation(db: Db, input: SetupInput) {
  assertCleanText('Tên tổ chức', input.organisation, { field: 'organisation' });
  // Immediate: the write lock is taken before the check, so two first set-ups at once cannot both
  // pass it.
  return inTransaction(
    db,
    (tx) => {
      if (!setupNeeded(tx)) throw conflict('Tổ chức đã được thiết lập. Hãy đăng nhập.');
      if (tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM units`)?.n) {
        throw conflict(
          'Cơ sở dữ liệu đã có cây đơn vị; hãy tạo tài khoản quản trị bằng lệnh npm run user:create.',
        );
      }
      const root = createRootUnit(tx, input.root);
      const user = createUser(tx, {
        ...input.admin,
        roles: [{ role: 'admin', unitId: root.id }],
      });
      setMeta(tx, 'organisation', input.organisation.trim());
      tx.insert(auditEvents)
        .values({
          userId: user.id,
          entity: 'organisation',
          entityId: String(root.id),
          unitId: root.id,
          action: 'setup',
          before: null,
          after: { organisation: input.organisation, root, admin: user.username },
        })
        .run();
      bumpRevision(tx);
      return { root, user: { id: user.id, username: user.username } };
    },
    { immediate: true },
  );
}
