// Reads a .cpuprofile (node --cpu-prof) and prints where the time went: self
// time by function and by package/file, and total (inclusive) time of the
// bridge's own functions. Usage: tsx bench/profile-summary.ts FILE [TOP]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const where = (n: ProfileNode) => {
    const url = n.callFrame.url;
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (nm) return nm[1]!;
    const own = /\/(dist|src)\/(.+)$/.exec(url);
    if (own) return own[2]!;
    return url ? url.replace(/^.*\//, '') : `(${n.callFrame.functionName || 'native'})`;
  };
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;

  const selfByFn = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  const inclusiveOwn = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    selfByFn.set(label(n), (selfByFn.get(label(n)) ?? 0) + us);
    selfByPlace.set(where(n), (selfByPlace.get(where(n)) ?? 0) + us);
    // Inclusive time of the bridge's own functions (each counted once per stack).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      if (!/\/dist\/|\/src\//.test(node.callFrame.url) || /node_modules/.test(node.callFrame.url)) continue;
      const l = label(node);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusiveOwn.set(l, (inclusiveOwn.get(l) ?? 0) + us);
    }
  }
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return [
    `${file}: ${(total / 1000).toFixed(0)} ms sampled`,
    'self time by function:',
    fmt(selfByFn),
    'self time by package / file:',
    fmt(selfByPlace),
    'inclusive time of the bridge\'s own functions:',
    fmt(inclusiveOwn),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [TOP]');
  console.log(summarizeProfile(file, Number(process.argv[3] ?? 25)));
}
