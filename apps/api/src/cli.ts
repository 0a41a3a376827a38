/**
 * The command line for a real deployment (commands.ts lists the commands):
 *   npm run cli -- migrate | seed-demo | export … | reorganise …
 *   npm run user:create -- --username admin --name "Quản trị" --role admin --unit 60 [--create-root "Hội LHPN tỉnh…"]
 *   npm run backup            (into BACKUP_DIR, or DATA_DIR/backups; the app may be running)
 *   npm run restore FILE      (the server must be stopped)
 * A command that fails exits 2 with its reason in one line on stderr.
 */
import { readFileSync } from 'node:fs';
import { runCommand } from './commands.ts';

runCommand(process.argv.slice(2), {
  env: process.env,
  stdin: () => readFileSync(0, 'utf8'),
  print: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
