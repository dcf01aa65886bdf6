/**
 * Which generation of the read models queries read (meta `active`), and the
 * generations that exist (meta `generations`). A rebuild adds one, fills it,
 * then makes it active; the projector and the queries follow.
 */
import type { DocumentStore } from '@portal/documents';
import type { Projection } from './model';

export const checkpointName = (generation: number) => `projector-v${generation}`;

export async function activeGeneration(
  docs: DocumentStore,
  projections: readonly Projection[],
): Promise<number> {
  const active = await docs.getMeta('active');
  if (typeof active === 'number') return active;
  await docs.ensure(
    1,
    projections.map((p) => p.spec),
  );
  await docs.setMeta('generations', [1]);
  await docs.setMeta('active', 1);
  return 1;
}

export async function knownGenerations(docs: DocumentStore): Promise<number[]> {
  const g = await docs.getMeta('generations');
  return Array.isArray(g) ? g.filter((n): n is number => typeof n === 'number') : [];
}

/**
 * A generation number never used before (shadows included), so that no
 * leftover checkpoint or document of a dropped generation is ever picked up again.
 */
export async function allocateGeneration(docs: DocumentStore, active: number): Promise<number> {
  const last = await docs.getMeta('lastGeneration');
  const known = await knownGenerations(docs);
  const next = Math.max(active, typeof last === 'number' ? last : 0, ...known) + 1;
  await docs.setMeta('lastGeneration', next);
  return next;
}
