// The main-thread side of a file import: a worker prepares the file's objects (see
// prepare.worker.ts) and this yields its batches in order. A fatal error of the file (not JSON,
// truncated) ends the iteration by throwing it, after the batches read before it.
import { Worker } from 'node:worker_threads';
import type { PrepareContext, PreparedBatch } from './prepare.ts';
import type { WorkerMessage } from './prepare.worker.ts';
import { fromColumns } from './transport.ts';

export class FileImportError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'FileImportError';
  }
}

/**
 * Koban runs its TypeScript through tsx, whose loader hooks a worker thread does not inherit on
 * Node 20: the worker registers them itself before loading its module.
 */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./prepare.worker.ts', import.meta.url).href)}); })`;

export async function* prepareFileInWorker(file: string, context: PrepareContext, size: number): AsyncGenerator<PreparedBatch> {
  // A bounded heap makes the worker collect garbage early instead of growing while the main thread writes.
  const worker = new Worker(WORKER_BOOT, {
    eval: true,
    workerData: { file, context, size },
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 48 },
  });
  const queue: (WorkerMessage | { kind: 'error'; error: Error })[] = [];
  let wake: (() => void) | null = null;
  const push = (message: WorkerMessage | { kind: 'error'; error: Error }) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => push(message));
  worker.on('error', (error) => push({ kind: 'error', error }));
  worker.on('exit', (code) => push({ kind: 'error', error: new Error(`import worker exited (${code})`) }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as WorkerMessage | { kind: 'error'; error: Error };
      if (message.kind === 'batch') {
        worker.postMessage('next');
        yield fromColumns(message.batch, context);
      } else if (message.kind === 'done') return;
      else if (message.kind === 'fatal') throw new FileImportError(message.message, message.code);
      else throw message.error;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
