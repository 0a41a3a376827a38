/**
 * An upload worker thread: reads an uploaded workbook or unit-tree file (zip guard, XML, CSV
 * decoding) and sends back plain rows. It runs under resourceLimits, so a file that still manages
 * to need too much memory ends this thread, never the server (upload-parser.ts).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '@chitieu/core';
import { readEntryWorkbook, readUnitTreeFile } from '@chitieu/reports';

export type UploadKind = 'entry' | 'tree';

if (!parentPort) throw new Error('upload-worker.ts must run as a worker thread');
const port = parentPort;

port.on(
  'message',
  async (message: { id: number; kind: UploadKind; bytes: Uint8Array } | { id: number; warm: true }) => {
    if ('warm' in message) {
      port.postMessage({ id: message.id, ok: true, result: null });
      return;
    }
    try {
      const read = message.kind === 'entry' ? readEntryWorkbook : readUnitTreeFile;
      port.postMessage({ id: message.id, ok: true, result: await read(message.bytes) });
    } catch (error) {
      port.postMessage({
        id: message.id,
        ok: false,
        error:
          error instanceof DomainError
            ? { code: error.code, message: error.message, details: error.details }
            : { code: 'invalid', message: 'Tệp không phải là bảng tính Excel (.xlsx).' },
      });
    }
  },
);
