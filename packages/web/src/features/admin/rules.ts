import type { AgencyUnit } from './admin-types.ts';

/** Why a password breaks the server's rules (the same rules, so the form can say so first). */
export type PasswordProblem = 'short' | 'long' | 'containsUsername';

export const passwordProblems = (username: string, password: string): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  if (password.length < 10) problems.push('short');
  if (password.length > 200) problems.push('long');
  const user = username.trim().toLowerCase();
  if (user !== '' && password.toLowerCase().includes(user)) problems.push('containsUsername');
  return problems;
};

/** A unit key the server accepts. */
export const UNIT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** A unit key made from its name: `Bidang Destinasi` → `bidang-destinasi`. */
export const unitIdFromName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

/** Units in tree order (each parent before its children), with their depth. */
export const unitTree = (units: readonly AgencyUnit[]): { unit: AgencyUnit; depth: number }[] => {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | undefined, AgencyUnit[]>();
  for (const u of units) {
    // A unit whose parent is unknown is shown at the top rather than lost.
    const parent = u.parent !== undefined && ids.has(u.parent) && u.parent !== u.id ? u.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: AgencyUnit; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(undefined, 0);
  // Units caught in a cycle of parents are never reached from the top: list them anyway.
  for (const u of units) if (!seen.has(u.id)) out.push({ unit: u, depth: 0 });
  return out;
};

/** A unit and every unit under it: none of them may become its parent. */
export const unitAndDescendants = (units: readonly AgencyUnit[], id: string): Set<string> => {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parent !== undefined && out.has(u.parent) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
  }
  return out;
};

/** A planning period as the form holds it: years may still be empty. */
export interface PeriodFields {
  kind: 'RPJMD' | 'RPD' | 'Renstra' | 'Renja';
  startYear: number | '';
  endYear: number | '';
  baselineYear: number | '';
  legalBasis: string[];
}

/** What the form can tell about a period before sending it (the server checks the same). */
export type PeriodProblem = 'required' | 'endBeforeStart' | 'tooLong' | 'baselineAfterStart';

/** The period's problems by field: years given, end not before start, at most 25 years, baseline not after start. */
export const periodProblems = (f: PeriodFields): Partial<Record<keyof PeriodFields, PeriodProblem>> => {
  const out: Partial<Record<keyof PeriodFields, PeriodProblem>> = {};
  if (f.startYear === '') out.startYear = 'required';
  if (f.endYear === '') out.endYear = 'required';
  if (f.baselineYear === '') out.baselineYear = 'required';
  if (f.startYear === '') return out;
  if (f.endYear !== '' && f.endYear < f.startYear) out.endYear = 'endBeforeStart';
  else if (f.endYear !== '' && f.endYear - f.startYear > 24) out.endYear = 'tooLong';
  if (f.baselineYear !== '' && f.baselineYear > f.startYear) out.baselineYear = 'baselineAfterStart';
  return out;
};
