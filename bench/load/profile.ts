/**
 * A V8 CPU profile (`node --cpu-prof`) summarised by self time: the functions the process spent its samples in,
 * grouped by function and file (node_modules packages by name, MộtCửa's files by path), largest first.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  share: number;
}

/** Where a frame lives: a package name, a project path, `node:` internals or the engine itself. */
export function placeOf(url: string): string {
  if (!url) return '(engine)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url;
  const src = /\/((?:src|bench|bin)\/.*)$/.exec(url);
  return src ? (src[1] as string) : url.replace(/^file:\/\//, '');
}

/** The top `n` entries by self time, as shares of all samples (idle included, shown as `(idle)`). */
export function summarise(file: string, n = 15): { total: number; top: SelfTime[]; byPlace: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const place = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const where = placeOf(node.callFrame.url);
    const key = `${node.callFrame.functionName || '(anonymous)'}\u0000${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    place.set(where, (place.get(where) ?? 0) + dt);
  });
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, t]) => {
      const [name, where] = key.split('\u0000') as [string, string];
      return { name, where, share: t / total };
    });
  const byPlace = [...place]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([where, t]) => ({ name: '', where, share: t / total }));
  return { total: total / 1000, top, byPlace };
}
