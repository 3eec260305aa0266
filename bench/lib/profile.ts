/**
 * A CPU profile of one stretch of a benchmark, taken in process with the
 * inspector (the same sampler as `node --cpu-prof`), so start-up, seeding
 * and warm-up stay out of it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function profiled<T>(
  file: string,
  run: () => Promise<T>,
  intervalUs = 100,
): Promise<T> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', {
      interval: intervalUs,
    });
    await session.post('Profiler.start');
    const result = await run();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return result;
  } finally {
    session.disconnect();
  }
}
