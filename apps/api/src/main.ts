import { loadEnv } from './env.ts';

try {
  const env = loadEnv(process.env, process.argv.slice(2));
  // Loaded once the configuration is known to be good: a bad one is refused before the app loads.
  const { startServer } = await import('./server.ts');
  startServer(env);
} catch (error) {
  // Bad configuration or data directory: one line, non-zero exit, nothing touched.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Không khởi động được: ${message}`);
  process.exit(1);
}
