/**
 * Each workspace package declares what it imports, and the packages depend one way:
 * core ← db ← reports ← api ← web (docs/decisions/0028-packages-one-way.md). The lint rules refuse
 * a wrong-way import as it is written; this test keeps every package.json honest about the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Lower first: a package may depend only on packages before it. */
const ORDER = ['packages/core', 'packages/db', 'packages/reports', 'apps/api', 'apps/web'];

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The packages a file imports ('@scope/name' or 'name'), leaving out relative paths and node: modules. */
function importedPackages(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string)));
}

/** Tests, test helpers and build configuration may use development dependencies. */
const forDevelopment = (path: string) => /\.test\.tsx?$|[/\\]testing\.ts$|vite\.config\.ts$/.test(path);

describe('workspace packages', () => {
  test('reads imports as written', () => {
    expect(
      importedPackages(
        "import { a } from '@chitieu/core';\nimport type { B } from 'exceljs/lib';\nimport './x.css';\nimport 'recharts/style';\nconst m = await import('docx');\nimport { join } from 'node:path';",
      ),
    ).toEqual(['@chitieu/core', 'exceljs', 'recharts', 'docx']);
  });

  for (const dir of ORDER) {
    test(`${dir} declares every package it imports, and only packages below it`, () => {
      const own = manifest(dir);
      const runtime = new Set(Object.keys(own.dependencies ?? {}));
      const development = new Set([...runtime, ...Object.keys(own.devDependencies ?? {})]);
      const files = sourceFiles(join(ROOT, dir, 'src'));
      if (dir === 'apps/web') files.push(join(ROOT, dir, 'vite.config.ts'));
      const undeclared: string[] = [];
      for (const file of files) {
        const allowed = forDevelopment(file) ? development : runtime;
        for (const name of importedPackages(readFileSync(file, 'utf8')))
          if (name !== own.name && !allowed.has(name))
            undeclared.push(`${file.slice(ROOT.length + 1)}: ${name}`);
      }
      expect(undeclared).toEqual([]);

      const below = ORDER.slice(0, ORDER.indexOf(dir)).map((d) => manifest(d).name);
      const workspace = ORDER.map((d) => manifest(d).name);
      const wrongWay = Object.keys(own.dependencies ?? {}).filter(
        (name) => workspace.includes(name) && !below.includes(name),
      );
      expect(wrongWay).toEqual([]);
    });
  }
});
