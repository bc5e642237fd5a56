import type { Lang, RegionKind } from '@selaras/core';
import type { NomenclatureStore } from '@selaras/services';
import { EXIT, type Io, UsageError } from '../io.ts';

export interface NomenclatureShowOptions {
  readonly version?: string | undefined;
  readonly kind: RegionKind;
  readonly json: boolean;
  readonly lang: Lang;
}

/** `selaras nomenclature show <code>`: an entry of the reference list and the entries directly under it. */
export const runNomenclatureShow = (
  code: string,
  o: NomenclatureShowOptions,
  io: Io,
  store: NomenclatureStore,
): number => {
  const versionId = o.version ?? store.defaultVersion;
  const ref = store.get(versionId);
  if (!ref)
    throw new UsageError(
      `Versi nomenklatur tidak dikenal / unknown nomenclature version "${versionId}"`,
      store.versions.map((v) => v.id),
    );
  const found = ref.lookup(code, o.kind);
  if (found.status !== 'found' && found.status !== 'other-government') {
    const hint = found.status === 'unknown' && found.hint ? ` (${found.hint}?)` : '';
    throw new UsageError(`${code}: tidak ada dalam versi / not in version ${versionId}${hint}`);
  }
  const entry = found.entry;
  const children = ref
    .childrenOf(entry.code)
    .filter(
      (e) => e.appliesTo === 'both' || e.appliesTo === (o.kind === 'provinsi' ? 'provinsi' : 'kabkota'),
    );
  if (o.json) {
    io.stdout(`${JSON.stringify({ version: versionId, entry, children }, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [`${entry.code}  ${entry.name}  (${entry.level}, ${entry.appliesTo}; ${versionId})`];
  if (entry.kinerja) lines.push(`  kinerja: ${entry.kinerja}`);
  if (entry.indikator) lines.push(`  indikator: ${entry.indikator} (${entry.satuan ?? '–'})`);
  for (const c of children) lines.push(`  ${c.code}  ${c.name}${c.satuan ? ` [${c.satuan}]` : ''}`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
};

/** `selaras nomenclature versions`: the versions a plan can name. */
export const runNomenclatureVersions = (io: Io, store: NomenclatureStore, json: boolean): number => {
  if (json)
    io.stdout(`${JSON.stringify({ default: store.defaultVersion, versions: store.versions }, null, 2)}\n`);
  else
    for (const v of store.versions)
      io.stdout(`${v.id}${v.id === store.defaultVersion ? ' (default)' : ''}  ${v.title}\n`);
  return EXIT.ok;
};
