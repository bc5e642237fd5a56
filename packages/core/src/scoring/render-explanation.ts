import { formatNumber } from '../format/number.ts';
import type { Lang, LocalizedText } from '../schema/common.schema.ts';
import type { Normalisation } from '../schema/composite.schema.ts';
import type { CompositeResult } from './composite.ts';
import type { Explanation, ExplanationInput, ExplanationNote, ExplanationRule } from './explanation.ts';

/** `1 input`, `2 inputs`. */
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const n = (x: number | undefined, lang: Lang) =>
  x === undefined ? '–' : formatNumber(x, lang, { maxDecimals: 2 });
const inputValue = (e: Explanation, ref: string) => e.inputs.find((i) => i.ref === ref)?.value;

const RULES: Record<ExplanationRule, (e: Explanation, lang: Lang) => LocalizedText> = {
  'capaian.positive': (e, l) => {
    const t = inputValue(e, 'target') ?? 0;
    const r = n(inputValue(e, 'realisation'), l);
    if (t < 0) {
      return {
        id: `target negatif: capaian = (1 + (realisasi − target) ÷ |target|) × 100 = (1 + (${r} − ${n(t, l)}) ÷ ${n(-t, l)}) × 100 = ${n(e.result, l)}%`,
        en: `negative target: achievement = (1 + (actual − target) ÷ |target|) × 100 = (1 + (${r} − ${n(t, l)}) ÷ ${n(-t, l)}) × 100 = ${n(e.result, l)}%`,
      };
    }
    return {
      id: `capaian = realisasi ÷ target × 100 = ${r} ÷ ${n(t, l)} × 100 = ${n(e.result, l)}%`,
      en: `achievement = actual ÷ target × 100 = ${r} ÷ ${n(t, l)} × 100 = ${n(e.result, l)}%`,
    };
  },
  'capaian.negative': (e, l) => {
    const tv = inputValue(e, 'target') ?? 0;
    const t = n(tv, l);
    const r = n(inputValue(e, 'realisation'), l);
    if (tv < 0) {
      return {
        id: `polaritas negatif, target negatif: capaian = (1 − (realisasi − target) ÷ |target|) × 100 = (1 − (${r} − ${t}) ÷ ${n(-tv, l)}) × 100 = ${n(e.result, l)}%`,
        en: `negative polarity, negative target: achievement = (1 − (actual − target) ÷ |target|) × 100 = (1 − (${r} − ${t}) ÷ ${n(-tv, l)}) × 100 = ${n(e.result, l)}%`,
      };
    }
    return {
      id: `polaritas negatif: capaian = (2 × target − realisasi) ÷ target × 100 = (2 × ${t} − ${r}) ÷ ${t} × 100 = ${n(e.result, l)}%`,
      en: `negative polarity: achievement = (2 × target − actual) ÷ target × 100 = (2 × ${t} − ${r}) ÷ ${t} × 100 = ${n(e.result, l)}%`,
    };
  },
  'capaian.negative-zero-target': (e, l) => ({
    id: `polaritas negatif dengan target 0: tercapai (100%) bila realisasi ≤ 0, selain itu 0%; realisasi ${n(inputValue(e, 'realisation'), l)} → ${n(e.result, l)}%`,
    en: `negative polarity with a target of 0: met (100%) when actual ≤ 0, otherwise 0%; actual ${n(inputValue(e, 'realisation'), l)} → ${n(e.result, l)}%`,
  }),
  'capaian.range': (e, l) => {
    const band = `${n(inputValue(e, 'target.min'), l)}–${n(inputValue(e, 'target.max'), l)}`;
    return {
      id: `target rentang ${band}: 100% di dalam rentang, di luar dibandingkan dengan batas terdekat; realisasi ${n(inputValue(e, 'realisation'), l)} → ${n(e.result, l)}%`,
      en: `range target ${band}: 100% inside, outside compared with the nearer bound; actual ${n(inputValue(e, 'realisation'), l)} → ${n(e.result, l)}%`,
    };
  },
  'capaian.stable': (e, l) => ({
    id: `target stabil: capaian = 100 − |realisasi − target| ÷ |target| × 100 = ${n(e.result, l)}% (realisasi ${n(inputValue(e, 'realisation'), l)}, target ${n(inputValue(e, 'target'), l)})`,
    en: `stable target: achievement = 100 − |actual − target| ÷ |target| × 100 = ${n(e.result, l)}% (actual ${n(inputValue(e, 'realisation'), l)}, target ${n(inputValue(e, 'target'), l)})`,
  }),
  'capaian.no-target': () => ({ id: 'tidak ada target untuk tahun ini', en: 'no target for this year' }),
  'capaian.no-realisation': () => ({
    id: 'belum ada realisasi untuk tahun ini',
    en: 'no actual value for this year yet',
  }),
  'capaian.zero-target': () => ({
    id: 'target 0 dengan polaritas positif: capaian tidak dapat dihitung (pembagian dengan nol)',
    en: 'a target of 0 with positive polarity: achievement cannot be computed (division by zero)',
  }),
  'capaian.target-shape': () => ({
    id: 'bentuk target tidak sesuai polaritas (rentang memerlukan {min, max}, lainnya satu angka)',
    en: 'target shape does not fit the polarity (range needs {min, max}, others a single number)',
  }),
  'realisation.entered': (e, l) => ({
    id: `realisasi diisi: ${n(e.result, l)}`,
    en: `actual entered: ${n(e.result, l)}`,
  }),
  'realisation.formula': (e, l) => ({
    id: `realisasi dihitung dengan rumus = ${n(e.result, l)}`,
    en: `actual computed by formula = ${n(e.result, l)}`,
  }),
  'realisation.composite': (e, l) => ({
    id: `realisasi dihitung dari indeks komposit ${e.inputs[0]?.ref ?? ''} = ${n(e.inputs[0]?.value, l)}`,
    en: `actual computed from composite index ${e.inputs[0]?.ref ?? ''} = ${n(e.inputs[0]?.value, l)}`,
  }),
  'realisation.missing': () => ({ id: 'tidak ada realisasi', en: 'no actual value' }),
  'realisation.error': () => ({ id: 'realisasi tidak dapat dihitung', en: 'actual could not be computed' }),
  'cumulative.sum': (e, l) => ({
    id: `jumlah tahunan = ${n(e.result, l)}`,
    en: `sum of the years = ${n(e.result, l)}`,
  }),
  'cumulative.running-total': (e, l) => ({
    id: `total berjalan = ${n(e.result, l)}`,
    en: `running total = ${n(e.result, l)}`,
  }),
  'rollup.weighted-mean': (e, l) => ({
    id: `rata-rata tertimbang dari ${e.inputs.length} masukan = ${n(e.result, l)}`,
    en: `weighted mean of ${plural(e.inputs.length, 'input')} = ${n(e.result, l)}`,
  }),
  'rollup.minimum': (e, l) => ({
    id: `nilai terendah dari ${e.inputs.length} masukan = ${n(e.result, l)}`,
    en: `minimum of ${plural(e.inputs.length, 'input')} = ${n(e.result, l)}`,
  }),
  'rollup.own-first': (e, l) => ({
    id: `indikator sendiri bila ada, selain itu anak-anaknya: rata-rata tertimbang = ${n(e.result, l)}`,
    en: `own indicators when present, else children: weighted mean = ${n(e.result, l)}`,
  }),
  'rollup.unit': (e, l) => ({
    id: `rata-rata tertimbang capaian ${e.inputs.length} indikator yang menjadi tanggung jawab unit = ${n(e.result, l)}`,
    en: `weighted mean achievement of the unit's ${e.inputs.length} indicators = ${n(e.result, l)}`,
  }),
  'rollup.plan': (e, l) => ({
    id: `rata-rata tertimbang ${e.inputs.length} simpul teratas = ${n(e.result, l)}`,
    en: `weighted mean of ${plural(e.inputs.length, 'top node')} = ${n(e.result, l)}`,
  }),
  'composite.weighted-sum': (e, l) => ({
    id: `indeks = min + (maks − min) × Σ bobot × nilai ternormalisasi = ${n(e.result, l)}`,
    en: `index = min + (max − min) × Σ weight × normalised value = ${n(e.result, l)}`,
  }),
  'composite.no-version': () => ({
    id: 'tidak ada definisi indeks yang berlaku untuk tahun ini',
    en: 'no definition of the index is in force this year',
  }),
  'composite.failed': () => ({
    id: 'indeks tidak dapat dihitung (komponen tidak lengkap)',
    en: 'index could not be computed (components missing)',
  }),
  'norm.min-max': () => ({ id: 'normalisasi min–maks', en: 'min–max normalisation' }),
  'norm.target-ratio': () => ({ id: 'normalisasi rasio terhadap target', en: 'target-ratio normalisation' }),
  'norm.score-table': () => ({ id: 'normalisasi tabel skor', en: 'score-table normalisation' }),
};

const POLICY: Record<string, LocalizedText> = {
  skip: { id: 'dilewati', en: 'skipped' },
  zero: { id: 'dihitung 0', en: 'counted as 0' },
  fail: { id: 'hasil dikosongkan', en: 'result left empty' },
  renormalise: { id: 'bobot komponen lain disesuaikan', en: 'other weights rescaled' },
};

const renderNote = (note: ExplanationNote, lang: Lang): string => {
  switch (note.kind) {
    case 'capped':
      return lang === 'id'
        ? `dibatasi dari ${n(note.from, lang)} menjadi ${n(note.to, lang)}`
        : `capped from ${n(note.from, lang)} to ${n(note.to, lang)}`;
    case 'floored':
      return lang === 'id'
        ? `dinaikkan dari ${n(note.from, lang)} ke batas bawah ${n(note.to, lang)}`
        : `raised from ${n(note.from, lang)} to the floor ${n(note.to, lang)}`;
    case 'missing-policy': {
      const p = POLICY[note.policy]?.[lang] ?? note.policy;
      return lang === 'id'
        ? `${note.count} masukan tanpa nilai: ${p}`
        : `${plural(note.count, 'input')} without a value: ${p}`;
    }
    case 'version':
      return lang === 'id'
        ? `definisi versi ${note.version}, berlaku sejak ${note.effectiveFrom}`
        : `definition version ${note.version}, in force from ${note.effectiveFrom}`;
    case 'error':
      return note.message[lang];
    case 'inverted':
      return lang === 'id' ? 'dibalik (polaritas negatif)' : 'inverted (negative polarity)';
  }
};

const renderInput = (i: ExplanationInput, lang: Lang): string => {
  const name = i.label ? `${i.label} [${i.ref}]` : i.ref;
  const parts = [i.missing ? (lang === 'id' ? 'tidak ada nilai' : 'no value') : n(i.value, lang)];
  if (i.weight !== undefined)
    parts.push(`${lang === 'id' ? 'bobot' : 'weight'} ${formatNumber(i.weight, lang, { maxDecimals: 4 })}`);
  if (i.contribution !== undefined)
    parts.push(`${lang === 'id' ? 'kontribusi' : 'contribution'} ${n(i.contribution, lang)}`);
  return `${name}: ${parts.join('; ')}`;
};

/**
 * Renders an explanation as indented lines of text in one language.
 *
 * @example
 * renderExplanation(score.explanation, 'id'); // ['capaian = realisasi ÷ target × 100 = …']
 */
export const renderExplanation = (e: Explanation, lang: Lang, depth = 0): string[] => {
  const pad = '  '.repeat(depth);
  const lines = [`${pad}${RULES[e.rule](e, lang)[lang]}`];
  for (const note of e.notes ?? []) lines.push(`${pad}  (${renderNote(note, lang)})`);
  const listsInputs = e.rule.startsWith('rollup.') || e.rule === 'realisation.formula';
  if (listsInputs) for (const i of e.inputs) lines.push(`${pad}  – ${renderInput(i, lang)}`);
  for (const i of e.inputs) if (i.detail) lines.push(...renderExplanation(i.detail, lang, depth + 1));
  return lines;
};

const describeNormalisation = (norm: Normalisation, lang: Lang): string => {
  switch (norm.kind) {
    case 'min-max':
      return lang === 'id'
        ? `min–maks ${n(norm.min, lang)}–${n(norm.max, lang)}`
        : `min–max ${n(norm.min, lang)}–${n(norm.max, lang)}`;
    case 'target-ratio':
      return lang === 'id'
        ? `rasio thd target (maks ${n(norm.cap, lang)})`
        : `ratio to target (cap ${n(norm.cap, lang)})`;
    case 'score-table':
      return lang === 'id'
        ? `tabel skor (${norm.bands.length} kelas)`
        : `score table (${norm.bands.length} bands)`;
  }
};

/**
 * Renders a composite index with each component's raw value, normalisation, weight and
 * contribution, so a reader sees why the index has its value.
 */
export const renderComposite = (r: CompositeResult, lang: Lang): string[] => {
  const title = `${r.composite.name} ${r.year}`;
  if (!r.version) return [`${title}: ${RULES['composite.no-version'](r.explanation, lang)[lang]}`];
  const scale = `${n(r.version.scale.min, lang)}–${n(r.version.scale.max, lang)}`;
  const head =
    r.value === undefined
      ? `${title}: ${RULES['composite.failed'](r.explanation, lang)[lang]}`
      : `${title} = ${formatNumber(r.value, lang, { decimals: r.version.decimals })} (${lang === 'id' ? 'skala' : 'scale'} ${scale})`;
  const lines = [head];
  const failed = r.value === undefined;
  for (const note of r.explanation.notes ?? []) {
    // When the index has no value, nothing was rescaled: say only how many components were missing.
    if (failed && note.kind === 'missing-policy') {
      lines.push(
        lang === 'id'
          ? `  (${note.count} komponen tanpa nilai)`
          : `  (${plural(note.count, 'component')} without a value)`,
      );
    } else lines.push(`  (${renderNote(note, lang)})`);
  }
  const span = formatNumber(r.version.scale.max - r.version.scale.min, lang, { maxDecimals: 4 });
  for (const c of r.components) {
    const name = `${c.label} [${c.indicator}]`;
    if (c.normalised === undefined) {
      const why =
        c.raw === undefined
          ? lang === 'id'
            ? 'tidak ada nilai'
            : 'no value'
          : lang === 'id'
            ? `nilai ${n(c.raw, lang)} tidak dapat dinormalisasi`
            : `value ${n(c.raw, lang)} cannot be normalised`;
      lines.push(`  – ${name}: ${why}`);
      continue;
    }
    const norm = formatNumber(c.normalised, lang, { decimals: 4 });
    const contribution =
      c.contribution === undefined ? '–' : formatNumber(c.contribution, lang, { decimals: 3 });
    const w = formatNumber(c.effectiveWeight, lang, { maxDecimals: 4 });
    lines.push(
      lang === 'id'
        ? `  – ${name}: nilai ${n(c.raw, lang)} → ${describeNormalisation(c.normalisation, lang)} = ${norm}; × bobot ${w} × rentang skala ${span} = kontribusi ${contribution}`
        : `  – ${name}: value ${n(c.raw, lang)} → ${describeNormalisation(c.normalisation, lang)} = ${norm}; × weight ${w} × scale span ${span} = contribution ${contribution}`,
    );
  }
  return lines;
};
