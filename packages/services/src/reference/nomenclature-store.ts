import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildNomenclatureReference,
  type NomenclatureReference,
  type NomenclatureRow,
  type NomenclatureVersion,
  NomenclatureVersionSchema,
  parseNomenclatureCsv,
} from '@selaras/core';
import { z } from 'zod';
import { AppError } from '../app-error.ts';

const ManifestSchema = z.strictObject({
  default: z.string(),
  versions: z.array(NomenclatureVersionSchema).min(1),
});

/** The versions of the reference list, each built on first use. */
export interface NomenclatureStore {
  readonly versions: readonly NomenclatureVersion[];
  readonly defaultVersion: string;
  get(versionId: string): NomenclatureReference | undefined;
}

/** The reference folder shipped in the repository (`reference/nomenclature`). */
export const DEFAULT_REFERENCE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../reference/nomenclature',
);

/** Loads `versions.json` and `nomenklatur.csv` from a folder. */
export const loadNomenclatureStore = (dir: string = DEFAULT_REFERENCE_DIR): NomenclatureStore => {
  let manifest: z.infer<typeof ManifestSchema>;
  let rows: NomenclatureRow[];
  try {
    manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')));
    const csv = parseNomenclatureCsv(readFileSync(join(dir, 'nomenklatur.csv'), 'utf8'));
    if (!csv.ok) throw new Error(csv.error);
    rows = csv.rows;
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      `Referensi nomenklatur tidak dapat dimuat dari / cannot load the nomenclature reference from ${dir}: ${e instanceof Error ? e.message : String(e)}`,
      { dir },
    );
  }
  const built = new Map<string, NomenclatureReference>();
  return {
    versions: manifest.versions,
    defaultVersion: manifest.default,
    get(versionId) {
      const cached = built.get(versionId);
      if (cached) return cached;
      const version = manifest.versions.find((v) => v.id === versionId);
      if (!version) return undefined;
      const ref = buildNomenclatureReference(rows, version);
      built.set(versionId, ref);
      return ref;
    },
  };
};
