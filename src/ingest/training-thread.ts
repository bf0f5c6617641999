import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MatchSettings, NormalisedRecord, trainMatchModel, TrainingOptions } from '../resolution';

export interface TrainingWorkerInput {
  /** Normalised records as stored (JSON text): cheap to hand to a thread, parsed there. */
  normalised: string[];
  settings: MatchSettings;
  options: TrainingOptions;
}

export type TrainingOutput = ReturnType<typeof trainMatchModel>;

export const recordsOf = (input: TrainingWorkerInput) => input.normalised.map((text) => JSON.parse(text) as NormalisedRecord);

export const TRAINING_WORKER_FILE = join(__dirname, 'model-training.worker.js');

/**
 * Trains in a worker thread: EM over a million records takes tens of seconds of CPU, which must
 * not stall the requests the same process serves. Run from TypeScript sources (the test runner)
 * there is no compiled worker, and training runs in place.
 */
export function trainOffThread(input: TrainingWorkerInput, workerFile = TRAINING_WORKER_FILE): Promise<TrainingOutput> {
  if (!existsSync(workerFile)) return Promise.resolve(trainMatchModel(recordsOf(input), input.settings, input.options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: input });
    worker.once('message', (output: TrainingOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the training thread stopped with exit code ${code}`));
    });
  });
}
