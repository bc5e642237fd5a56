import { z } from 'zod';
import type { RegionKind } from '../schema/region.schema.ts';
import { type CodeLevel, type ParsedCode, parentCode, parseCode, templateCode } from './code.ts';

/** Which governments an entry applies to. */
export type AppliesTo = 'provinsi' | 'kabkota' | 'both';

/** One row of the official nomenclature: the code, its name and, for sub kegiatan, kinerja/indikator/satuan. */
export interface NomenclatureEntry {
  readonly code: string;
  readonly level: CodeLevel;
  readonly name: string;
  readonly appliesTo: AppliesTo;
  readonly kinerja?: string;
  readonly indikator?: string;
  readonly satuan?: string;
}

/** A named version of the reference list. Codes were renumbered between versions. */
export const NomenclatureVersionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  title: z.string(),
  /** Rows whose `regulation` column contains this text belong to the version. */
  sourceMatch: z.string().min(1),
  scope: z.array(z.enum(['provinsi', 'kabkota'])).min(1),
  note: z.string().optional(),
});
export type NomenclatureVersion = z.infer<typeof NomenclatureVersionSchema>;

/** A raw row as read from the reference CSV. */
export interface NomenclatureRow {
  readonly code: string;
  readonly level: string;
  readonly name: string;
  readonly applies_to: string;
  readonly kinerja?: string;
  readonly indikator?: string;
  readonly satuan?: string;
  readonly regulation: string;
}

/** The result of looking a code up for a region kind. */
export type CodeLookup =
  | { readonly status: 'found'; readonly entry: NomenclatureEntry; readonly parsed: ParsedCode }
  | { readonly status: 'malformed' }
  | { readonly status: 'other-government'; readonly entry: NomenclatureEntry; readonly parsed: ParsedCode }
  | { readonly status: 'unknown'; readonly parsed: ParsedCode; readonly hint?: string };

/** One version of the nomenclature, indexed by code, with lookups memoised. */
export interface NomenclatureReference {
  readonly version: NomenclatureVersion;
  readonly size: number;
  lookup(code: string, regionKind: RegionKind): CodeLookup;
  /** Every entry directly under a code (e.g. the kegiatan of a program). */
  childrenOf(code: string): readonly NomenclatureEntry[];
}

const LEVELS: Record<string, CodeLevel> = {
  urusan: 'urusan',
  bidang: 'bidang',
  program: 'program',
  kegiatan: 'kegiatan',
  subkegiatan: 'subKegiatan',
};

const toEntry = (r: NomenclatureRow): NomenclatureEntry | undefined => {
  const level = LEVELS[r.level];
  const appliesTo =
    r.applies_to === 'provinsi' || r.applies_to === 'kabkota' || r.applies_to === 'both'
      ? r.applies_to
      : undefined;
  if (level === undefined || appliesTo === undefined) return undefined;
  return {
    code: r.code,
    level,
    name: r.name,
    appliesTo,
    ...(r.kinerja ? { kinerja: r.kinerja } : {}),
    ...(r.indikator ? { indikator: r.indikator } : {}),
    ...(r.satuan ? { satuan: r.satuan } : {}),
  };
};

const fits = (e: NomenclatureEntry, kind: RegionKind): boolean =>
  e.appliesTo === 'both' || (kind === 'provinsi' ? e.appliesTo === 'provinsi' : e.appliesTo === 'kabkota');

const parentKey = (code: string): string => {
  const parsed = parseCode(code);
  return parsed ? (parentCode(parsed) ?? '') : '';
};

/**
 * Builds one version of the reference list from the rows of the reference CSV.
 *
 * @example
 * const ref = buildNomenclatureReference(rows, version);
 * ref.lookup('1.03.12.1.02', 'provinsi').status; // 'found'
 */
export const buildNomenclatureReference = (
  rows: readonly NomenclatureRow[],
  version: NomenclatureVersion,
): NomenclatureReference => {
  const byCode = new Map<string, NomenclatureEntry[]>();
  const children = new Map<string, NomenclatureEntry[]>();
  let size = 0;
  for (const row of rows) {
    if (!row.regulation.includes(version.sourceMatch)) continue;
    const entry = toEntry(row);
    if (!entry) continue;
    const list = byCode.get(entry.code) ?? [];
    if (list.some((e) => e.appliesTo === entry.appliesTo)) continue;
    list.push(entry);
    byCode.set(entry.code, list);
    const siblings = children.get(parentKey(entry.code)) ?? [];
    siblings.push(entry);
    children.set(parentKey(entry.code), siblings);
    size++;
  }

  const find = (code: string, kind: RegionKind) => byCode.get(code)?.find((e) => fits(e, kind));

  const caches = new Map<RegionKind, Map<string, CodeLookup>>();
  const lookup = (code: string, kind: RegionKind): CodeLookup => {
    let cache = caches.get(kind);
    if (!cache) {
      cache = new Map();
      caches.set(kind, cache);
    }
    let hit = cache.get(code);
    if (hit === undefined) {
      hit = resolve(code, kind);
      cache.set(code, hit);
    }
    return hit;
  };

  const resolve = (code: string, kind: RegionKind): CodeLookup => {
    const parsed = parseCode(code);
    if (!parsed) return { status: 'malformed' };
    const template = templateCode(parsed);
    const entry = find(parsed.code, kind) ?? (template ? find(template, kind) : undefined);
    if (entry) return { status: 'found', entry, parsed };
    const other = byCode.get(parsed.code)?.[0] ?? (template ? byCode.get(template)?.[0] : undefined);
    if (other) return { status: 'other-government', entry: other, parsed };
    if (parsed.subKegiatan?.length === 2) {
      return { status: 'unknown', parsed, hint: `${parsed.code.slice(0, -2)}00${parsed.subKegiatan}` };
    }
    return { status: 'unknown', parsed };
  };

  return {
    version,
    size,
    lookup,
    childrenOf: (code) => children.get(code) ?? [],
  };
};
