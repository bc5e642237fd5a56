import type { Finding } from '../../api/types.ts';

/**
 * Where in the workspace a finding points: the chapter section, the indicator in the grid or the
 * node in the tree (relative to the plan's workspace), or nowhere for plan-wide findings.
 */
export const findingLink = (f: Finding): string | undefined => {
  const t = f.target;
  if (t.chapter !== undefined) return `bab/${t.chapter}${t.section ? `/${t.section}` : ''}`;
  if (t.indicator !== undefined) return `indikator?indicator=${encodeURIComponent(t.indicator)}`;
  if (t.node !== undefined) return `pohon?node=${encodeURIComponent(t.node)}`;
  return undefined;
};
