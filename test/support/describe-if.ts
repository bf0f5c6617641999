import { spawnSync } from 'node:child_process';

/** Runs the suite only when `condition` holds; otherwise one skipped test says why. */
export function describeIf(condition: boolean, reason: string) {
  if (condition) return describe;
  return (name: string, _body: () => void) =>
    describe(name, () => {
      it.skip(`skipped: ${reason}`, () => undefined);
    });
}

export function javaAvailable(): boolean {
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
  return spawnSync(java, ['-version']).status === 0;
}
