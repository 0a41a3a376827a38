/**
 * A small pool of report workers (worker_threads). Building a DOCX with its charts takes hundreds of
 * milliseconds of CPU; better-sqlite3 and Hono share one thread, so doing it on the request thread
 * would make every save wait behind an export. Jobs queue here; workers start on first use (their
 * modules load in the background with a warm-up message) and are replaced if one dies or hangs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode, tooManyRequests } from '@chitieu/core';
import type { JobError, JobResult, ReportJob } from './report-jobs.ts';

export interface PoolOptions {
  /** Worker threads (default: one less than the cores, at least 1, at most 2). */
  size?: number;
  /** A job running longer is abandoned and its worker replaced (default 120 s). */
  timeoutMs?: number;
  /** Jobs waiting beyond this are refused with 429 (default 32). */
  maxQueue?: number;
}

interface Pending {
  id: number;
  job: ReportJob | null;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./report-worker.ts', import.meta.url).href;

export class ReportPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxQueue = options.maxQueue ?? 32;
  }

  /** Run a job on a worker; resolves with the bytes (and snapshot) it built. */
  run(job: ReportJob): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error('report pool is closed'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(
        tooManyRequests('Hệ thống đang bận tạo nhiều báo cáo. Vui lòng thử lại sau ít phút.'),
      );
    }
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Start the workers now and load their modules (optional: the first job does it otherwise). */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Stop every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('report pool is closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.busy?.reject(new Error('report pool is closed'));
        return slot.worker.terminate();
      }),
    );
  }

  /** Jobs waiting for a worker, and workers busy (for tests and the benchmark). */
  get stats() {
    return {
      queued: this.queue.length,
      busy: this.slots.filter((s) => s.busy).length,
      workers: this.slots.length,
    };
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY }, execArgv: [] });
    // Idle workers must not keep a finished process (a CLI run, a test) alive.
    worker.unref();
    const slot: Slot = { worker, busy: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (message: { id: number; ok: boolean; result?: JobResult; error?: JobError }) => {
      const pending = slot.busy;
      if (!pending || pending.id !== message.id) return;
      this.finish(slot);
      if (message.ok && message.result) pending.resolve(message.result);
      else pending.reject(fromJobError(message.error));
    });
    const fail = (error: Error) => {
      const pending = slot.busy;
      this.remove(slot);
      pending?.reject(error);
      this.pump();
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`report worker exited with code ${code}`)));
    // Warm-up: load docx, vega and resvg while nothing waits for them.
    slot.busy = { id: 0, job: null, resolve: () => {}, reject: () => {} };
    worker.ref();
    worker.postMessage({ id: 0, warm: true });
    return slot;
  }

  private finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    slot.worker.unref();
    this.pump();
  }

  private remove(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.busy = null;
  }

  private pump() {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot || slot.busy) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      // A running job keeps the process alive until it answers.
      slot.worker.ref();
      const current = slot;
      slot.timer = setTimeout(() => {
        this.remove(current);
        void current.worker.terminate();
        pending.reject(new DomainError('internal', 'Tạo báo cáo quá lâu, đã dừng. Vui lòng thử lại.'));
        this.pump();
      }, this.timeoutMs);
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  }
}

function fromJobError(error: JobError | undefined): Error {
  if (error?.domain) return new DomainError(error.code as ErrorCode, error.message, error.details);
  return new Error(`report worker: ${error?.message ?? 'unknown error'}`);
}

let shared: ReportPool | undefined;

/** The process's pool, created on first use. */
export function reportPool(): ReportPool {
  shared ??= new ReportPool();
  return shared;
}
