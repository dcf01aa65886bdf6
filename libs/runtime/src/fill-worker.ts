/**
 * A read-model fill's second thread (`ProjectorDeps.fillElsewhere`, projector.ts `fill`):
 * a worker thread that opens the same stores on connections of its own (the event
 * store, the data keys, the document store), builds the same projections and decoder
 * as `createReadModels` (projector-deps.ts), and runs `catchUp` for its partition of the events, writing
 * into the fresh generation under the rebuild's fence. It saves no checkpoint: the
 * calling thread saves it once both partitions are written.
 *
 * Why a second thread: the fill ran on one thread at ~21–26 µs of CPU per event
 * (reading, opening, folding, hashing, writing); a worker that only read and opened
 * events, handing them to the main thread, gained 2.5–16% (the hand-over cost 3.5 µs
 * per event). Here nothing is handed over but a count: each thread reads every event
 * and folds half of them (bench/RESULTS.md, "Projector", issue 21).
 */
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AppConfig } from '@portal/config';
import { LeaseLostError } from '@portal/documents';
import type { Position } from '@portal/event-store';
import {
  catchUp,
  type FillElsewhere,
  type FillPartitionRequest,
  readModelProjections,
  SearchKeys,
} from '@portal/read-models';
import { Vault } from '@portal/vault';
import { createDataKeyStore, createEventStore } from './adapters';
import { createDocumentStore, projectorDeps } from './projector-deps';

type Request = Omit<FillPartitionRequest, 'onProgress' | 'signal'>;

interface WorkerInput {
  kind: 'read-model-fill';
  config: AppConfig;
  request: Request;
}

type WorkerMessage =
  | { progress: number }
  | { done: { events: number; position?: Position } }
  | { failed: { name: string; message: string } };

/**
 * Under the test runner this file is TypeScript: the worker compiles what it loads
 * with swc, as Jest does, and resolves `@portal/*` as tsconfig.json says.
 */
const TS_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(join(__dirname, '..', '..', '..'))}, paths: { '@portal/*': ['./libs/*/src'] } });
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename, swcrc: false, module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true },
  });
  module._compile(code, filename);
};
require(${JSON.stringify(__filename)});
`;

/** Fills partitions in worker threads over the stores `config` names. */
export function fillInWorker(config: AppConfig): FillElsewhere {
  return ({ onProgress, signal, ...request }) =>
    new Promise((resolve, reject) => {
      const input: WorkerInput = { kind: 'read-model-fill', config, request };
      const worker = __filename.endsWith('.ts')
        ? new Worker(TS_BOOTSTRAP, { eval: true, workerData: input })
        : new Worker(__filename, { workerData: input });
      let done: { events: number; position?: Position } | undefined;
      let failure: Error | undefined;
      const stop = () => void worker.terminate();
      signal?.addEventListener('abort', stop, { once: true });
      worker.on('message', (m: WorkerMessage) => {
        if ('progress' in m) onProgress?.(m.progress);
        else if ('done' in m) done = m.done;
        else failure = errorOf(m.failed, request);
      });
      worker.on('error', (error) => (failure ??= error));
      worker.on('exit', (code) => {
        signal?.removeEventListener('abort', stop);
        if (done && !failure) resolve(done);
        else reject(failure ?? new Error(`The read-model fill worker stopped (exit code ${code})`));
      });
    });
}

/** The worker's error, as the calling thread's: a lost lease stays a LeaseLostError. */
function errorOf(failed: { name: string; message: string }, request: Request): Error {
  if (failed.name === 'LeaseLostError' && request.fence)
    return new LeaseLostError(request.fence.lease, request.fence.token);
  const error = new Error(`The read-model fill worker failed: ${failed.message}`);
  error.name = failed.name;
  return error;
}

async function runInWorker({ config, request }: WorkerInput): Promise<void> {
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  const store = createEventStore(config.eventStore);
  const keys = createDataKeyStore(config);
  const docs = await createDocumentStore(config);
  try {
    const projections = readModelProjections(new SearchKeys(config.secrets.hmacKey));
    const projector = projectorDeps(store, docs, projections, new Vault(keys));
    const result = await catchUp(
      { ...projector, ...(request.fence ? { fence: request.fence } : {}) },
      request.generation,
      {
        batchSize: request.batchSize,
        fillCacheDocs: request.fillCacheDocs,
        partition: request.partition,
        checkpoint: false,
        onProgress: (p) => post({ progress: p.events }),
      },
    );
    post({ done: result });
  } catch (error) {
    post({ failed: { name: (error as Error).name, message: (error as Error).message } });
  } finally {
    await docs.close();
    await keys.close();
    await store.close();
  }
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.kind === 'read-model-fill')
  void runInWorker(workerData as WorkerInput);
