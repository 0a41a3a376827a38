import { DEMO_ACCOUNTS as SEEDED, DEMO_PASSWORD as SEEDED_PASSWORD, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';

describe('the demo accounts on the sign-in page', () => {
  test('are the ones the demo seed creates, with their roles and units', () => {
    const { db } = demoDatabase();
    const unitName = new Map(
      db
        .select({ code: schema.units.code, name: schema.units.name })
        .from(schema.units)
        .all()
        .map((u) => [u.code, u.name]),
    );
    db.$client.close();
    const seeded = SEEDED.map(([username, , role, unitCode]) => ({
      username,
      role,
      unitName: unitName.get(unitCode),
    }));
    const byName = (a: { username: string }, b: { username: string }) => a.username.localeCompare(b.username);
    expect([...DEMO_ACCOUNTS].sort(byName)).toEqual(seeded.sort(byName));
    expect(DEMO_PASSWORD).toBe(SEEDED_PASSWORD);
  });
});
