import { type ParsedCode, parentCode, templateCode } from '../../nomenclature/code.ts';
import type { CodeLookup, NomenclatureReference } from '../../nomenclature/reference.ts';
import { BUDGETED_ROLES, type LevelRole } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { nodePath } from '../sink.ts';

const ROLE_LABEL: Record<string, { id: string; en: string }> = {
  program: { id: 'program', en: 'programme' },
  kegiatan: { id: 'kegiatan', en: 'activity (kegiatan)' },
  subKegiatan: { id: 'sub kegiatan', en: 'sub-activity (sub kegiatan)' },
  bidang: { id: 'bidang urusan', en: 'bidang urusan' },
  urusan: { id: 'urusan', en: 'urusan' },
};

/** English indefinite article. */
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

const codePath = (node: PerformanceNode) => `${nodePath(node.id)}/code`;

/** The position of the nearest budgeted ancestor of a reachable node, when it has a code; else -1. */
const codedAncestorAt = (ctx: ValidationContext, pos: number): number => {
  const { all, parentPos, roleAt } = ctx.index;
  for (let p = parentPos[pos] as number; p >= 0; p = parentPos[p] as number) {
    const role = roleAt[p];
    if (role && BUDGETED_ROLES.has(role)) return (all[p] as PerformanceNode).code ? p : -1;
  }
  return -1;
};

/** The same for a node on or below a parent cycle: the walk up remembers where it has been. */
const codedAncestorOnCycle = (ctx: ValidationContext, node: PerformanceNode): PerformanceNode | undefined => {
  const seen = new Set<string>([node.id]);
  let p = ctx.index.parentOf(node);
  while (p && !seen.has(p.id)) {
    const role = ctx.index.roleOf(p);
    if (role && BUDGETED_ROLES.has(role)) return p.code ? p : undefined;
    seen.add(p.id);
    p = ctx.index.parentOf(p);
  }
  return undefined;
};

/** Parent codes by parsed code, computed once per code in a run (codes repeat across nodes). */
type ParentCodes = Map<ParsedCode, string | undefined>;

const expectedParent = (memo: ParentCodes, parsed: ParsedCode): string | undefined => {
  if (memo.has(parsed)) return memo.get(parsed);
  const expected = parentCode(parsed);
  memo.set(parsed, expected);
  return expected;
};

const checkParent = (ctx: ValidationContext, run: NomenclatureRun, pos: number, parsed: ParsedCode) => {
  const { all, ordered } = ctx.index;
  const reachable = pos < ordered.length;
  const at = reachable ? codedAncestorAt(ctx, pos) : -1;
  const ancestor = !reachable
    ? codedAncestorOnCycle(ctx, all[pos] as PerformanceNode)
    : at >= 0
      ? all[at]
      : undefined;
  if (!ancestor?.code) return;
  // An ancestor met earlier in the walk has its code looked up already.
  const found =
    (at >= 0 ? run.found[at] : undefined) ?? run.ref.lookup(ancestor.code, ctx.index.plan.region.kind);
  const ancestorCode = found.status !== 'malformed' ? found.parsed : undefined;
  const expected = expectedParent(run.parentCodes, parsed);
  if (!ancestorCode || expected === undefined) return;
  if (ancestorCode.code === expected || templateCode(ancestorCode) === expected) return;
  const node = ctx.index.all[pos] as PerformanceNode;
  const d = describeNode(ctx, node);
  const a = describeNode(ctx, ancestor);
  ctx.sink.add(
    'nomenclature/parent-mismatch',
    codePath(node),
    { node: node.id },
    {
      id: `${d.id}: kode ${parsed.code} bukan turunan kode induknya ${ancestorCode.code} (${a.id}); kode induk yang sesuai adalah ${expected}. Pindahkan simpul ke induk yang benar atau perbaiki kodenya.`,
      en: `${d.en}: code ${parsed.code} is not under its parent's code ${ancestorCode.code} (${a.en}); its parent code would be ${expected}. Move the node to the right parent or fix the code.`,
    },
  );
};

const checkBidang = (ctx: ValidationContext, node: PerformanceNode, parsed: ParsedCode) => {
  const plan = ctx.index.plan;
  if (plan.format !== 'selaras.renstra' || parsed.bidangUrusan === undefined || parsed.urusan === 'X') return;
  const held = plan.agency.bidangUrusan;
  if (held.length === 0 || held.includes(parsed.bidangUrusan)) return;
  const d = describeNode(ctx, node);
  ctx.sink.add(
    'nomenclature/wrong-bidang',
    codePath(node),
    { node: node.id },
    {
      id: `${d.id}: kode ${parsed.code} termasuk bidang urusan ${parsed.bidangUrusan}, yang tidak diampu ${plan.agency.name} (${held.join(', ')}). Gunakan program dari bidang urusan perangkat daerah ini.`,
      en: `${d.en}: code ${parsed.code} belongs to bidang urusan ${parsed.bidangUrusan}, which ${plan.agency.name} does not hold (${held.join(', ')}). Use a programme of the agency's own bidang urusan.`,
    },
  );
};

const reportMalformed = (ctx: ValidationContext, node: PerformanceNode, code: string) => {
  const d = describeNode(ctx, node);
  ctx.sink.add(
    'nomenclature/malformed-code',
    codePath(node),
    { node: node.id },
    {
      id: `${d.id}: "${code}" bukan kode nomenklatur yang sah. Bentuknya U.BB.PP untuk program, U.BB.PP.L.KK untuk kegiatan, U.BB.PP.L.KK.SSSS untuk sub kegiatan (mis. 1.03.12.1.02).`,
      en: `${d.en}: "${code}" is not a valid nomenclature code. Use U.BB.PP for a programme, U.BB.PP.L.KK for a kegiatan, U.BB.PP.L.KK.SSSS for a sub kegiatan (e.g. 1.03.12.1.02).`,
    },
  );
};

const reportWrongLevel = (
  ctx: ValidationContext,
  node: PerformanceNode,
  role: LevelRole,
  code: string,
  parsed: ParsedCode,
) => {
  const d = describeNode(ctx, node);
  const want = ROLE_LABEL[role] ?? { id: role, en: role };
  const got = ROLE_LABEL[parsed.level] ?? { id: parsed.level, en: parsed.level };
  ctx.sink.add(
    'nomenclature/wrong-level',
    codePath(node),
    { node: node.id },
    {
      id: `${d.id}: kode ${code} adalah kode ${got.id}, padahal simpul ini ${want.id}. Gunakan kode ${want.id}.`,
      en: `${d.en}: ${code} is ${article(got.en)} ${got.en} code but this node is ${article(want.en)} ${want.en}. Use ${article(want.en)} ${want.en} code.`,
    },
  );
};

/** A well-formed code that is not this government's, or not in the version at all. */
const reportNotFound = (
  ctx: ValidationContext,
  ref: NomenclatureReference,
  node: PerformanceNode,
  code: string,
  found: Exclude<CodeLookup, { status: 'found' | 'malformed' }>,
) => {
  const d = describeNode(ctx, node);
  const kind = ctx.index.plan.region.kind;
  if (found.status === 'other-government') {
    const other = found.entry.appliesTo === 'kabkota' ? 'kabupaten/kota' : 'provinsi';
    ctx.sink.add(
      'nomenclature/wrong-government-level',
      codePath(node),
      { node: node.id },
      {
        id: `${d.id}: kode ${code} ("${found.entry.name}") hanya berlaku untuk ${other}, bukan untuk ${kind}. Pilih kode kewenangan ${kind}.`,
        en: `${d.en}: code ${code} ("${found.entry.name}") applies to ${other} only, not to a ${kind}. Choose a code within ${kind} authority.`,
      },
    );
    return;
  }
  const hint = found.hint
    ? ` Versi ini memakai kode sub kegiatan 4 digit; mungkin maksudnya ${found.hint}?`
    : '';
  const hintEn = found.hint
    ? ` This version uses 4-digit sub kegiatan codes; did you mean ${found.hint}?`
    : '';
  ctx.sink.add(
    'nomenclature/unknown-code',
    codePath(node),
    { node: node.id },
    {
      id: `${d.id}: kode ${code} tidak ada dalam nomenklatur versi ${ref.version.id}.${hint} Periksa kodenya atau versi nomenklatur rencana.`,
      en: `${d.en}: code ${code} is not in nomenclature version ${ref.version.id}.${hintEn} Check the code or the plan's nomenclature version.`,
    },
  );
};

/** What the checks of one plan share: the reference and the parent codes computed so far. */
interface NomenclatureRun {
  readonly ref: NomenclatureReference;
  readonly parentCodes: ParentCodes;
  /** The lookup of each node checked so far, by position. */
  readonly found: (CodeLookup | undefined)[];
}

const checkCode = (
  ctx: ValidationContext,
  run: NomenclatureRun,
  pos: number,
  role: LevelRole,
  code: string,
) => {
  const node = ctx.index.all[pos] as PerformanceNode;
  const found = run.ref.lookup(code, ctx.index.plan.region.kind);
  run.found[pos] = found;
  if (found.status === 'malformed') {
    reportMalformed(ctx, node, code);
    return;
  }
  const parsed = found.parsed;
  if (parsed.level !== role) reportWrongLevel(ctx, node, role, code, parsed);
  if (found.status !== 'found') reportNotFound(ctx, run.ref, node, code, found);
  checkBidang(ctx, node, parsed);
  // A code of the wrong level is reported once; its parent code would only repeat it.
  if (parsed.level === role) checkParent(ctx, run, pos, parsed);
};

/**
 * Nomenclature rules: every program, kegiatan and sub kegiatan carries a well-formed code that
 * exists in the plan's nomenclature version for its kind of government, at the node's level, in
 * the agency's bidang urusan, and under its parent's code. Reports a version that cannot be used
 * and returns undefined, or returns the check of the node at a position.
 */
export const nomenclatureChecker = (ctx: ValidationContext): ((pos: number) => void) | undefined => {
  const plan = ctx.index.plan;
  if (ctx.nomenclature === undefined) return undefined;
  if (ctx.nomenclature === null) {
    ctx.sink.add(
      'nomenclature/unknown-version',
      'nomenclatureVersion',
      {},
      {
        id: `Versi nomenklatur "${plan.nomenclatureVersion}" tidak tersedia, sehingga kode program/kegiatan tidak dapat diperiksa. Gunakan versi yang terdaftar di reference/nomenclature/versions.json.`,
        en: `Nomenclature version "${plan.nomenclatureVersion}" is not available, so programme and activity codes cannot be checked. Use a version listed in reference/nomenclature/versions.json.`,
      },
    );
    return undefined;
  }
  const ref = ctx.nomenclature;
  const scope = plan.region.kind === 'provinsi' ? 'provinsi' : 'kabkota';
  if (!ref.version.scope.includes(scope)) {
    const label = scope === 'provinsi' ? 'provinsi' : 'kabupaten/kota';
    ctx.sink.add(
      'nomenclature/unknown-version',
      'nomenclatureVersion',
      {},
      {
        id: `Versi nomenklatur "${ref.version.id}" hanya memuat kode untuk ${ref.version.scope.join(' dan ')}, bukan untuk ${label}, sehingga kode program/kegiatan tidak dapat diperiksa. Pilih versi yang memuat kode ${label}.`,
        en: `Nomenclature version "${ref.version.id}" holds codes for ${ref.version.scope.join(' and ')} only, not for ${label}, so programme and activity codes cannot be checked. Choose a version with ${label} codes.`,
      },
    );
    return undefined;
  }
  const run: NomenclatureRun = { ref, parentCodes: new Map(), found: new Array(ctx.index.all.length) };
  return (pos) => checkNodeCode(ctx, run, pos);
};

const checkNodeCode = (ctx: ValidationContext, run: NomenclatureRun, pos: number) => {
  const role = ctx.index.roleAt[pos];
  if (!role || !BUDGETED_ROLES.has(role)) return;
  const node = ctx.index.all[pos] as PerformanceNode;
  if (node.code === undefined || node.code.trim() === '') {
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'nomenclature/missing-code',
      codePath(node),
      { node: node.id },
      {
        id: `${d.id} belum memiliki kode nomenklatur. Isi kode resmi ${ROLE_LABEL[role]?.id ?? role} (mis. 1.03.12 untuk program).`,
        en: `${d.en} has no nomenclature code. Enter the official ${ROLE_LABEL[role]?.en ?? role} code (e.g. 1.03.12 for a programme).`,
      },
    );
    return;
  }
  checkCode(ctx, run, pos, role, node.code);
};
