import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';
import { defaultMatchModel, normaliseRecord, trainMatchModel } from '../resolution';
import { generateRecords } from '../../seed/generator/generate';
import { recordsOf, trainOffThread, TrainingWorkerInput } from './training-thread';

const COMPILED_WORKER = join(projectRoot(), 'dist', 'src', 'ingest', 'model-training.worker.js');
// The thread runs compiled JavaScript: `npm test` builds first; a bare `jest` run without dist/ skips this.
const withBuild = existsSync(COMPILED_WORKER) ? it : it.skip;

describe('training in a worker thread', () => {
  const settings = defaultMatchModel().settings;
  const normalised: string[] = [];
  for (const item of generateRecords({ people: 400, seed: 9 })) {
    normalised.push(JSON.stringify(normaliseRecord({ ...item.record, system: item.system } as never, settings)));
  }
  const input: TrainingWorkerInput = { normalised, settings, options: { seed: 4, randomPairs: 5000, trainedAt: 'fixed', version: 'thread-test' } };

  withBuild('gives the model that training in place gives (needs dist/, built by npm test)', async () => {
    const threaded = await trainOffThread(input, COMPILED_WORKER);
    const inPlace = trainMatchModel(recordsOf(input), settings, input.options);
    expect(threaded.model.parameters).toEqual(inPlace.model.parameters);
    expect(threaded.report).toEqual(inPlace.report);
    expect(threaded.model.version).toBe('thread-test');
  }, 60_000);

  it('trains in place when there is no compiled worker', async () => {
    const output = await trainOffThread(input, join(projectRoot(), 'no-such-worker.js'));
    expect(output.model.parameters).toEqual(trainMatchModel(recordsOf(input), settings, input.options).model.parameters);
  }, 60_000);
});
