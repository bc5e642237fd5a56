import type { OrgUnit } from '@selaras/core';

/** One problem at a field path, as INVALID_INPUT lists them. */
interface Issue {
  readonly path: string;
  readonly message: string;
}

/**
 * The parent problems of units, for the agency's unit list as it would be after a write: a parent
 * that is no unit of the agency, a unit that is its own parent, or a parent under the unit itself
 * (which would make a cycle). Reports the `checked` units, each at `<path>parent`.
 *
 * @example unitParentProblems([{ id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }], [{ unit: a, path: '' }])
 *   // → [{ path: 'parent', message: 'unit "b" is under "a": a unit cannot be placed under its own descendant' }]
 */
export const unitParentProblems = (
  units: readonly OrgUnit[],
  checked: readonly { unit: OrgUnit; path: string }[],
): Issue[] => {
  const byId = new Map(units.map((u) => [u.id as string, u]));
  const issues: Issue[] = [];
  for (const { unit, path } of checked) {
    const parent = unit.parent as string | undefined;
    if (parent === undefined) continue;
    const at = `${path}parent`;
    if (parent === unit.id) {
      issues.push({ path: at, message: 'a unit cannot be its own parent' });
      continue;
    }
    if (!byId.has(parent)) {
      issues.push({ path: at, message: `"${parent}" is not a unit of the agency; choose an existing unit` });
      continue;
    }
    const seen = new Set<string>();
    for (let p: string | undefined = parent; p !== undefined && !seen.has(p); p = byId.get(p)?.parent) {
      seen.add(p);
      if (p === unit.id) {
        issues.push({
          path: at,
          message: `unit "${parent}" is under "${unit.id}": a unit cannot be placed under its own descendant`,
        });
        break;
      }
    }
  }
  return issues;
};
