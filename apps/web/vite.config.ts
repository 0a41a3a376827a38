import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

/** What is worth compressing (woff2 and images are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|ttf|otf|woff)$/;

/**
 * After the build, write `name.br` and `name.gz` beside every compressible file of dist, at the
 * strongest settings (done once here, never per request): the API serves them by Accept-Encoding.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'chitieu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
      }
    },
  };
}

/** `early('entry', () => import('../features/entry/EntryPage.tsx'))` in App.tsx: a page and its module. */
const EARLY_PAGE = /early\(\s*'([a-z-]+)',\s*\(\)\s*=>\s*import\('([^']+)'\)/g;

/**
 * A page other than the overview is a lazy chunk, asked for only once the app's own code has run: on
 * a phone, one more round trip before the page can draw. For each page App.tsx loads with `early`,
 * write `pages/<page>.html`: index.html with that page's scripts and style sheets preloaded, so they
 * download beside the app's code. The API sends it for `/?page=<page>`.
 */
function pagePreloads(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'chitieu-page-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = join(root, config.build.outDir);
    },
    writeBundle(_, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset') return this.error('index.html is missing from the build');
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const byModule = new Map(chunks.map((c) => [c.facadeModuleId, c]));
      // What index.html loads already (the app's code and style sheet) is not preloaded again.
      const loaded = new Set(
        [...String(html.source).matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]),
      );
      const collect = (chunk: Rollup.OutputChunk, into: Set<string>) => {
        if (loaded.has(chunk.fileName) || into.has(chunk.fileName)) return;
        into.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) if (!loaded.has(css)) into.add(css);
        for (const name of chunk.imports) collect(byName.get(name) as Rollup.OutputChunk, into);
      };

      const app = join(root, 'src/app/App.tsx');
      mkdirSync(join(outDir, 'pages'), { recursive: true });
      for (const [, page, path] of readFileSync(app, 'utf8').matchAll(EARLY_PAGE)) {
        const chunk = byModule.get(resolve(dirname(app), path as string));
        if (!chunk) return this.error(`no chunk for the page "${page}" (${path})`);
        const files = new Set<string>();
        collect(chunk, files);
        const links = [...files].map((file) =>
          file.endsWith('.css')
            ? `<link rel="preload" as="style" crossorigin href="/${file}">`
            : `<link rel="modulepreload" crossorigin href="/${file}">`,
        );
        const withLinks = String(html.source).replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
        writeFileSync(join(outDir, 'pages', `${page}.html`), withLinks);
      }
    },
  };
}

// The API (apps/api) serves the built app from apps/web/dist; in development Vite proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), pagePreloads(), precompress()],
  server: {
    // Keep the browser's Host header (changeOrigin false; the string shorthand would set it true):
    // the API refuses state-changing requests whose Origin is not its own host (CSRF check).
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The overview's JS budget is 250 KB gzip including the chart chunks; report it on every build.
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Everything the first page needs in one file: a phone on a slow network pays a round trip
        // per file, and the automatic split made ~30 small shared chunks of the first page's code.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
});
