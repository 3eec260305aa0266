/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and ranks functions by
 * self time, so a benchmark's closing note can quote where the time goes as
 * plain text instead of committing the profile itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Shortens a file URL to the package (or our own path) it belongs to. */
function shortLocation(url: string, line: number, root: string): string {
  if (url === '') return '(native)';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const modules = file.lastIndexOf('/node_modules/');
  const shown =
    modules === -1
      ? path.relative(root, file)
      : file.slice(modules + '/node_modules/'.length);
  return `${shown}:${String(line + 1)}`;
}

/** The functions with the most self time, merged by name and location. */
export function topSelfTime(
  file: string,
  root: string,
  count = 10,
  /**
   * Only samples from this moment on (µs of the monotonic clock, as
   * `process.hrtime.bigint() / 1000n` gives it on Linux), e.g. to leave a
   * process's start-up out.
   */
  sinceUs?: number,
): { totalMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  // A native function ("dispatch", "all") says little alone: it is named
  // with the nearest JavaScript caller that has a file.
  const callerOf = (id: number): string => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url) {
        return ` ← ${frame.functionName || '(anonymous)'} ${shortLocation(frame.url, frame.lineNumber, root)}`;
      }
    }
    return '';
  };
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (sinceUs !== undefined && at < sinceUs) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const merged = new Map<string, SelfTime>();
  let totalUs = 0;
  // Samples taken inside the profiler's own start and stop calls are its
  // cost, not the program's.
  const inProfiler = (id: number): boolean => {
    for (
      let at: number | undefined = id;
      at !== undefined;
      at = parentOf.get(at)
    ) {
      if (byId.get(at)?.callFrame.url.startsWith('node:inspector')) return true;
    }
    return false;
  };
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || inProfiler(id)) continue;
    totalUs += us;
    const name = frame.functionName || '(anonymous)';
    const where =
      shortLocation(frame.url, frame.lineNumber, root) +
      (frame.url === '' && !name.startsWith('(') ? callerOf(id) : '');
    const key = `${name} ${where}`;
    const entry = merged.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += us / 1000;
    merged.set(key, entry);
  }
  const top = [...merged.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count)
    .map((entry) => ({
      ...entry,
      selfMs: Math.round(entry.selfMs * 10) / 10,
      share: Math.round((entry.selfMs / (totalUs / 1000)) * 1000) / 10,
    }));
  return { totalMs: Math.round(totalUs / 1000), top };
}

/** The ranking as a fixed-width text table. */
export function formatSelfTime(result: ReturnType<typeof topSelfTime>): string {
  const lines = result.top.map(
    (entry, index) =>
      `${String(index + 1).padStart(2)}. ${entry.selfMs.toFixed(1).padStart(8)} ms ${entry.share.toFixed(1).padStart(5)} %  ${entry.name}  ${entry.where}`,
  );
  return [`total ${String(result.totalMs)} ms sampled`, ...lines].join('\n');
}

// `node --import tsx bench/lib/cpu-profile.ts <file.cpuprofile> [count]`
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [file, count] = process.argv.slice(2);
  if (!file) {
    console.error('usage: cpu-profile.ts <file.cpuprofile> [count]');
    process.exit(2);
  }
  console.log(
    formatSelfTime(topSelfTime(file, process.cwd(), Number(count ?? 10))),
  );
}

/**
 * The top self time of the main thread of a process started with
 * `--cpu-prof --cpu-prof-dir=<dir>`: its profile is the first one written.
 */
export function mainThreadSelfTime(
  dir: string,
  root: string,
  count: number,
  sinceUs?: number,
): ReturnType<typeof topSelfTime> | undefined {
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()[0];
  return file
    ? topSelfTime(path.join(dir, file), root, count, sinceUs)
    : undefined;
}
