/**
 * Session lookups are kept per connection while the data revision is unchanged
 * (docs/decisions/0015-session-lookups.md): every change to who may do what must end a kept lookup
 * at once, in this connection or from another one on the same file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addRole, removeRole, setUserActive } from './admin-users.ts';
import { changePassword, createSession, createUser, endSession, sessionUser } from './auth.ts';
import { openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { hashPasswordSync } from './passwords.ts';
import { bumpRevision } from './revision.ts';
import * as s from './schema.ts';
import { setupOrganisation } from './setup.ts';

function organisation() {
  const file = join(mkdtempSync(join(tmpdir(), 'chitieu-auth-')), 'chitieu.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  const { root, user: admin } = setupOrganisation(db, {
    organisation: 'Hội LHPN tỉnh Bình Thuận',
    root: { code: '60', name: 'Tỉnh Bình Thuận', type: 'Tỉnh', validFrom: '2021-01-01' },
    admin: { username: 'quantri', displayName: 'Quản trị', passwordHash: hashPasswordSync('mat-khau-dai-1') },
  });
  const viewer = createUser(db, {
    username: 'xem',
    displayName: 'Người xem',
    passwordHash: hashPasswordSync('mat-khau-dai-2'),
    roles: [{ role: 'viewer', unitId: root.id }],
    mustChangePassword: true,
  });
  const { token } = createSession(db, viewer.id);
  const actor = { id: admin.id, roles: [{ role: 'admin' as const, unitId: root.id }] };
  return { file, db, root, viewer, token, actor };
}

describe('session lookups kept between requests', () => {
  it('a kept lookup answers without reading the session, until the revision changes', () => {
    const { db, token } = organisation();
    expect(sessionUser(db, token)?.username).toBe('xem');
    // Behind the application's back (no revision bump), the kept lookup still answers …
    db.run(sql`DELETE FROM sessions`);
    expect(sessionUser(db, token)?.username).toBe('xem');
    // … and the next write that bumps the revision ends it.
    bumpRevision(db);
    expect(sessionUser(db, token)).toBeNull();
  });

  it('logout ends the kept lookup at once', () => {
    const { db, token } = organisation();
    expect(sessionUser(db, token)).not.toBeNull();
    endSession(db, token);
    expect(sessionUser(db, token)).toBeNull();
  });

  it('a new password lifts "must change password" at once', () => {
    const { db, token, viewer } = organisation();
    expect(sessionUser(db, token)?.mustChangePassword).toBe(true);
    changePassword(db, viewer.id, hashPasswordSync('mat-khau-moi-3'), token);
    expect(sessionUser(db, token)?.mustChangePassword).toBe(false);
  });

  it('roles added and removed are seen at once', () => {
    const { db, token, viewer, root, actor } = organisation();
    expect(sessionUser(db, token)?.roles).toEqual([{ role: 'viewer', unitId: root.id }]);
    const added = addRole(db, actor, viewer.id, { role: 'entry', unitId: root.id });
    expect(sessionUser(db, token)?.roles).toHaveLength(2);
    removeRole(db, actor, viewer.id, added.id);
    const viewerRole = db
      .select()
      .from(s.roleAssignments)
      .all()
      .find((r) => r.userId === viewer.id);
    removeRole(db, actor, viewer.id, viewerRole?.id as number);
    expect(sessionUser(db, token)?.roles).toEqual([]);
  });

  it('an account locked from another connection (the CLI, a second process) is refused at once', () => {
    const { file, db, token, viewer, actor } = organisation();
    expect(sessionUser(db, token)).not.toBeNull();
    const other = openDatabase(file);
    setUserActive(other, actor, viewer.id, false);
    other.$client.close();
    expect(sessionUser(db, token)).toBeNull();
  });

  it('a kept session still ends when its time is up', () => {
    const { db, token } = organisation();
    expect(sessionUser(db, token)).not.toBeNull();
    const later = new Date(Date.now() + 13 * 3600_000);
    expect(sessionUser(db, token, undefined, later)).toBeNull();
  });

  it('the kept user is shared by requests, so it cannot be changed', () => {
    const { db, token } = organisation();
    const user = sessionUser(db, token);
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user?.roles)).toBe(true);
    expect(sessionUser(db, token)).toBe(user);
  });
});
