// Worker bootstrap: on Node 20, `execArgv: ['--import', 'tsx']` does not register tsx's loader in a
// worker thread (the .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION), so register it here, then
// load the TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
