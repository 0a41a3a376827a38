import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (apps/api) serves the built app from apps/web/dist; in development Vite proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
  },
});
