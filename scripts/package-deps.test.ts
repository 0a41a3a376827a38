/**
 * Each workspace package declares what it imports, and the packages depend one way:
 * core ← db ← reports ← api ← web (docs/decisions/0028-packages-one-way.md). The lint rules refuse
 * a wrong-way import as it is written; this test keeps every package.json honest about the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  drawPackageGraph,
  forDevelopment,
  importedPackages,
  manifest,
  ORDER,
  ROOT,
  sourceFiles,
} from './package-graph.ts';

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

  test('decision 0028 pictures the graph the code draws (`npm run graph` prints it)', () => {
    const note = readFileSync(join(ROOT, 'docs/decisions/0028-packages-one-way.md'), 'utf8');
    expect(note).toContain(drawPackageGraph());
  });
});
