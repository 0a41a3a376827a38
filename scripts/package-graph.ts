/**
 * The workspace's package graph as the code draws it: which of our packages each package's source
 * imports. `npm run graph` prints it as a Mermaid diagram; decision 0028 shows the same picture, and
 * `scripts/package-deps.test.ts` fails when the two differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
/** Lower first: a package may depend only on packages before it. */
export const ORDER = ['packages/core', 'packages/db', 'packages/reports', 'apps/api', 'apps/web'];

export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
export const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The packages a file imports ('@scope/name' or 'name'), leaving out relative paths and node: modules. */
export function importedPackages(text: string): string[] {
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
export const forDevelopment = (path: string) =>
  /\.test\.tsx?$|[/\\]testing\.ts$|vite\.config\.ts$/.test(path);

/**
 * The graph as a Mermaid flowchart: a solid arrow from a package to each workspace package its
 * product code imports, a dotted one where only its tests do.
 */
export function drawPackageGraph(): string {
  const names = new Map(ORDER.map((dir) => [manifest(dir).name, dir.split('/')[1] as string]));
  const lines = ['```mermaid', 'flowchart RL'];
  for (const dir of ORDER) {
    const from = names.get(manifest(dir).name);
    const product = new Set<string>();
    const tests = new Set<string>();
    for (const file of sourceFiles(join(ROOT, dir, 'src')))
      for (const name of importedPackages(readFileSync(file, 'utf8')))
        (forDevelopment(file) ? tests : product).add(name);
    for (const [name, to] of names) {
      if (to === from) continue;
      if (product.has(name)) lines.push(`  ${from} --> ${to}`);
      else if (tests.has(name)) lines.push(`  ${from} -. tests .-> ${to}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(drawPackageGraph());
