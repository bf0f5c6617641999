import { parentPort, workerData } from 'node:worker_threads';
import { trainMatchModel } from '../resolution';
import { recordsOf, TrainingWorkerInput } from './training-thread';

// Runs in a worker thread (see training-thread.ts) so that training never holds the API's event loop.
const input = workerData as TrainingWorkerInput;
parentPort!.postMessage(trainMatchModel(recordsOf(input), input.settings, input.options));
