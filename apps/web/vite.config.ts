import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

// The API (apps/api) serves the built app from apps/web/dist; in development Vite proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
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
