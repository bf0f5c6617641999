import neo4j from 'neo4j-driver';
import { pipelineBegin } from './neo4j.service';

// pipelineBegin relies on the driver's internal switch (the one executeQuery uses). If a driver
// upgrade drops it, BEGIN quietly waits again (a round trip more per transaction): this says so.
describe('pipelineBegin', () => {
  it('turns on the driver switch that sends BEGIN with the first statement', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1'); // never connects: a session opens no connection
    try {
      const session = driver.session();
      const executor = (session as unknown as { _transactionExecutor: { pipelineBegin: boolean } })._transactionExecutor;
      expect(executor.pipelineBegin).toBe(false);
      pipelineBegin(session);
      expect(executor.pipelineBegin).toBe(true);
      await session.close();
    } finally {
      await driver.close();
    }
  });
});
