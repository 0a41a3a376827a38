/**
 * A report worker thread: builds DOCX / XLSX / CSV files and chart images off the request thread.
 * It opens its own read-only connection to the database file (one per file, kept open), so reading
 * the figures does not run on the thread that serves data entry either.
 */
import { parentPort } from 'node:worker_threads';
import { type Db, openDatabase } from '@chitieu/db';
import { preloadReportBuilders } from '@chitieu/reports';
import { type JobResult, type ReportJob, runReportJob, toJobError } from './report-jobs.ts';

const connections = new Map<string, Db>();
function openReadOnly(file: string): Db {
  let db = connections.get(file);
  if (!db) {
    db = openDatabase(file, { readonly: true });
    connections.set(file, db);
  }
  return db;
}

/** A buffer of its own (never a slice of Node's shared pool), so it can be transferred, not copied. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

if (!parentPort) throw new Error('report-worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', async (message: { id: number; job: ReportJob } | { id: number; warm: true }) => {
  if ('warm' in message) {
    // Load the heavy modules now, so the first real job does not pay for it.
    await preloadReportBuilders();
    port.postMessage({ id: message.id, ok: true, result: { bytes: new Uint8Array(0) } });
    return;
  }
  try {
    const result: JobResult = await runReportJob(message.job, openReadOnly);
    const bytes = ownBuffer(result.bytes);
    port.postMessage({ id: message.id, ok: true, result: { ...result, bytes } }, [
      bytes.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: toJobError(error) });
  }
});
