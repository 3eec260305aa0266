import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/**
 * Runs one step of `npm test` with its output inherited, then says how it
 * ended and how long it took, so a slow CI run shows where the time went.
 * True when the command exits with 0.
 */
export function runStep(
  name: string,
  command: string,
  args: string[],
  options: SpawnSyncOptions = {},
): boolean {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = Math.round((performance.now() - started) / 1000);
  const ok = result.status === 0;
  console.log(
    ok
      ? `--- ${name}: ok in ${seconds} s`
      : `--- ${name} FAILED (exit ${String(result.status ?? result.signal)}) after ${seconds} s`,
  );
  return ok;
}
