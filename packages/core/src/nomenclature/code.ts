/** The depth a nomenclature code reaches. */
export type CodeLevel = 'urusan' | 'bidang' | 'program' | 'kegiatan' | 'subKegiatan';

/** A parsed `U.BB.PP.L.KK.SSSS` code. Absent segments are undefined. */
export interface ParsedCode {
  readonly code: string;
  readonly level: CodeLevel;
  /** Urusan type (1 wajib pelayanan dasar, 2 wajib non-dasar, 3 pilihan, …) or `X` for the template. */
  readonly urusan: string;
  readonly bidang?: string;
  readonly program?: string;
  /** Government level digit: 1 provinsi, 2 kabupaten/kota, 3–8 region-specific. */
  readonly government?: string;
  readonly kegiatan?: string;
  readonly subKegiatan?: string;
  /** Bidang urusan code `U.BB`, e.g. `1.03`. */
  readonly bidangUrusan?: string;
}

const CODE_RE = /^([1-9X])(?:\.(\d{2}|XX)(?:\.(\d{2})(?:\.(\d)\.(\d{2})(?:\.(\d{4}|\d{2}))?)?)?)?$/;

/**
 * Parses a nomenclature code; returns undefined when it is malformed. Sub kegiatan codes may have
 * 4 digits (Kepmendagri 900.1.15.5-1317/2023 onwards) or 2 (050-5889/2021).
 *
 * @example
 * parseCode('1.03.12.1.02')?.level; // 'kegiatan'
 */
export const parseCode = (code: string): ParsedCode | undefined => {
  const m = CODE_RE.exec(code.trim());
  if (!m) return undefined;
  const [, urusan, bidang, program, government, kegiatan, subKegiatan] = m as unknown as [
    string,
    string,
    ...(string | undefined)[],
  ];
  const level: CodeLevel =
    subKegiatan !== undefined
      ? 'subKegiatan'
      : kegiatan !== undefined
        ? 'kegiatan'
        : program !== undefined
          ? 'program'
          : bidang !== undefined
            ? 'bidang'
            : 'urusan';
  return {
    code: code.trim(),
    level,
    urusan,
    ...(bidang !== undefined && { bidang, bidangUrusan: `${urusan}.${bidang}` }),
    ...(program !== undefined && { program }),
    ...(government !== undefined && { government }),
    ...(kegiatan !== undefined && { kegiatan }),
    ...(subKegiatan !== undefined && { subKegiatan }),
  };
};

/** The code of the level above (`1.03.12.1.02` → `1.03.12`), or undefined for an urusan. */
export const parentCode = (parsed: ParsedCode): string | undefined => {
  const { urusan, bidang, program, government, kegiatan } = parsed;
  switch (parsed.level) {
    case 'subKegiatan':
      return `${urusan}.${bidang}.${program}.${government}.${kegiatan}`;
    case 'kegiatan':
      return `${urusan}.${bidang}.${program}`;
    case 'program':
      return `${urusan}.${bidang}`;
    case 'bidang':
      return urusan;
    default:
      return undefined;
  }
};

/**
 * The reference lists the support programme (program penunjang, `PP` = 01) once under the
 * template prefix `X.XX`; an agency writes it under its own bidang (`1.03.01.1.01`).
 * This maps an agency code to its template code, or returns undefined when none applies.
 */
export const templateCode = (parsed: ParsedCode): string | undefined => {
  if (parsed.program !== '01' || parsed.urusan === 'X') return undefined;
  return `X.XX${parsed.code.slice(4)}`;
};

/** Whether `child` is directly under `parent` in the code hierarchy (same prefixes, one level down). */
export const isCodeUnder = (child: ParsedCode, parent: ParsedCode): boolean => {
  const up = parentCode(child);
  return up === parent.code;
};
