import { loadEnv } from './env.ts';
import { StartupError, startServer } from './server.ts';

try {
  startServer(loadEnv(process.env, process.argv.slice(2)));
} catch (error) {
  // Bad configuration or data directory: one line, non-zero exit, nothing touched.
  const message = error instanceof StartupError || error instanceof Error ? error.message : String(error);
  console.error(`Không khởi động được: ${message}`);
  process.exit(1);
}
