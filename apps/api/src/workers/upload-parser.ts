/**
 * Uploaded files are read in a worker thread with resourceLimits and a time limit, one file at a
 * time: a hostile file (one that slips past the zip guard and makes the XML reader allocate without
 * end, or run for minutes) costs at most that worker, which is then ended and replaced. The worker
 * stays warm between uploads (loading exceljs takes a while) and is started on first use.
 */
import { Worker } from 'node:worker_threads';
import type { EntryWorkbook } from '@chitieu/core';
import { DomainError, type ErrorCode, invalid, tooManyRequests } from '@chitieu/core';
import type { TreeFile } from '@chitieu/reports';
import type { UploadKind } from './upload-worker.ts';

export interface UploadLimits {
  /** The worker's JavaScript heap (old generation), in MB. A 10.000-row template needs about 130. */
  maxHeapMb: number;
  /** A file not read by then is abandoned and its worker ended. */
  timeoutMs: number;
  /** Files waiting beyond this are refused with 429. */
  maxQueue: number;
}

export const UPLOAD_LIMITS: UploadLimits = { maxHeapMb: 384, timeoutMs: 60_000, maxQueue: 8 };

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./upload-worker.ts', import.meta.url).href;

const TOO_BIG =
  'Tệp quá phức tạp để đọc (vượt giới hạn bộ nhớ dành cho một tệp tải lên). Hãy chia nhỏ tệp, hoặc lưu lại bằng Excel rồi thử lại.';
const TOO_SLOW = 'Đọc tệp quá lâu nên đã dừng. Hãy chia nhỏ tệp, hoặc lưu lại bằng Excel rồi thử lại.';

interface Job {
  id: number;
  kind: UploadKind;
  bytes: Uint8Array;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class UploadParser {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly limits: UploadLimits = UPLOAD_LIMITS) {}

  readEntryWorkbook(bytes: Uint8Array): Promise<EntryWorkbook> {
    return this.run('entry', bytes) as Promise<EntryWorkbook>;
  }

  readUnitTreeFile(bytes: Uint8Array): Promise<TreeFile> {
    return this.run('tree', bytes) as Promise<TreeFile>;
  }

  /** End the worker (a server stopping, a test finishing); queued files fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('upload parser is closed'));
    this.running?.reject(new Error('upload parser is closed'));
    this.running = null;
    if (this.timer) clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(kind: UploadKind, bytes: Uint8Array): Promise<unknown> {
    if (this.queue.length >= this.limits.maxQueue) {
      return Promise.reject(tooManyRequests('Đang đọc nhiều tệp tải lên. Vui lòng thử lại sau ít phút.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, bytes, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: ErrorShape }) => {
      const job = this.running;
      if (!job || job.id !== message.id) return;
      this.settle();
      if (message.ok) job.resolve(message.result);
      else job.reject(fromWorker(message.error));
    });
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY), a crash: the file is refused, the worker replaced.
    worker.on('error', (error) => this.fail(worker, (error as { code?: string }).code));
    worker.on('exit', () => this.fail(worker, 'exit'));
    worker.unref();
    return worker;
  }

  private fail(worker: Worker, code: string | undefined) {
    if (this.worker !== worker) return;
    this.worker = null;
    const job = this.running;
    this.settle();
    if (job) {
      if (code !== 'ERR_WORKER_OUT_OF_MEMORY') console.error(`upload worker ended (${code ?? 'unknown'})`);
      job.reject(invalid(TOO_BIG, { reason: 'worker_limit' }));
    }
  }

  private settle() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
    this.worker?.unref();
    this.pump();
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    this.worker ??= this.spawn();
    const worker = this.worker;
    this.running = job;
    worker.ref();
    this.timer = setTimeout(() => {
      this.worker = null;
      void worker.terminate();
      this.running = null;
      this.timer = null;
      job.reject(invalid(TOO_SLOW, { reason: 'worker_timeout' }));
      this.pump();
    }, this.limits.timeoutMs);
    // A copy the worker owns: the request's buffer may be a slice of a shared pool.
    const bytes = job.bytes.slice();
    worker.postMessage({ id: job.id, kind: job.kind, bytes }, [bytes.buffer as ArrayBuffer]);
  }
}

interface ErrorShape {
  code: string;
  message: string;
  details?: unknown;
}

function fromWorker(error: ErrorShape | undefined): Error {
  return new DomainError((error?.code ?? 'invalid') as ErrorCode, error?.message ?? TOO_BIG, error?.details);
}
