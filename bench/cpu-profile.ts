/**
 * A text summary of a V8 `.cpuprofile` (what `node --cpu-prof` writes): the
 * functions with the most self time, and the inclusive time of chosen functions
 * (everything they called counted in), each as a share of the sampled time.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  self: { name: string; ms: number; share: number }[];
  inclusive: { name: string; ms: number; share: number }[];
}

const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`.trim();

/**
 * @param inclusiveOf function names whose inclusive time to report (every frame of that name, counted once per sample)
 */
export function summariseProfile(
  file: string,
  top = 25,
  inclusiveOf: readonly string[] = [],
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>(inclusiveOf.map((name) => [name, 0]));
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // The delta before sample i+1 is the time spent in sample i (V8's convention shifted by one).
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    total += us;
    const key = label(node);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id)!.callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name)! + us);
      }
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m].map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return {
    totalMs: total / 1000,
    self: rows(self)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    inclusive: rows(inclusive).sort((a, b) => b.ms - a.ms),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `sampled (not idle): ${(s.totalMs / 1000).toFixed(2)} s`,
    '',
    '| self time | share | function |',
    '| ---: | ---: | --- |',
  ];
  for (const r of s.self) lines.push(`| ${r.ms.toFixed(0)} ms | ${pct(r.share)} | \`${r.name}\` |`);
  if (s.inclusive.length > 0) {
    lines.push('', '| inclusive | share | function |', '| ---: | ---: | --- |');
    for (const r of s.inclusive) lines.push(`| ${r.ms.toFixed(0)} ms | ${pct(r.share)} | \`${r.name}\` |`);
  }
  return lines.join('\n');
}
