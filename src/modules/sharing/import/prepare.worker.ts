// Worker thread of a file import: reads the bundle, parses and checks each object and derives
// its sightings, while the main thread writes the batches before. At most four batches wait
// unacknowledged (four: the writer pauses at each commit), so a fast reader never piles a file up in memory.
import { parentPort, workerData } from 'node:worker_threads';
import { openBundleFile, readBundleObjects } from '../stix/bundle-reader.ts';
import { createPreparer, type PrepareContext, type PreparedBatch } from './prepare.ts';
import { createColumnsBuilder, type BatchColumns } from './transport.ts';

type Input = { file: string; context: PrepareContext; size: number };
export type WorkerMessage = { kind: 'batch'; batch: BatchColumns } | { kind: 'done' } | { kind: 'fatal'; code: string | null; message: string };

const port = parentPort;
const { file, context, size } = workerData as Input;
let credits = 4;
let wake: (() => void) | null = null;
port?.on('message', () => {
  credits += 1;
  wake?.();
  wake = null;
});

async function send(columns: BatchColumns): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port?.postMessage({ kind: 'batch', batch: columns } satisfies WorkerMessage, [columns.bodies.buffer]);
}

async function main(): Promise<void> {
  const prepare = createPreparer(context);
  const columns = createColumnsBuilder();
  let batch: Omit<PreparedBatch, 'prepared'> = { problems: [], handled: 0 };
  try {
    for await (const entry of readBundleObjects(openBundleFile(file))) {
      const prepared = prepare(entry, batch.problems);
      if (prepared) columns.add(prepared);
      batch.handled += 1;
      batch.bytesRead = entry.byteOffset + entry.text.length;
      if (batch.handled === size) {
        await send(columns.take(batch));
        batch = { problems: [], handled: 0 };
      }
    }
    if (batch.handled > 0) await send(columns.take(batch));
    port?.postMessage({ kind: 'done' } satisfies WorkerMessage);
  } catch (error) {
    if (batch.handled > 0) await send(columns.take(batch));
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : null;
    port?.postMessage({ kind: 'fatal', code, message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  }
}

void main();
