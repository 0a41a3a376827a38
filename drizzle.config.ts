import { defineConfig } from 'drizzle-kit';

// Migrations are generated (`npm run db:generate`), committed, and applied by packages/db/src/migrate.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './packages/db/src/schema.ts',
  out: './drizzle',
});
