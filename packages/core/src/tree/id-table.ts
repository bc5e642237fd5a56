/** Probes allowed per id before a table gives up on its hash and falls back to a `Map`. */
const MAX_PROBES_PER_ID = 8;

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits spread. */
const hashOf = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
};

/** What a table is built from: how many rows, and the id of each. */
interface IdSource {
  readonly count: number;
  idAt(row: number): string;
}

/** Open addressing over a typed array sized once; `undefined` when probing runs past its bound. */
const probeTable = (source: IdSource, probesPerId: number, first: Int32Array, duplicates: number[]) => {
  let capacity = 16;
  while (capacity < source.count * 2) capacity *= 2;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  let budget = probesPerId * source.count + 64;
  let firsts = 0;
  for (let row = 0; row < source.count; row++) {
    const id = source.idAt(row);
    for (let at = hashOf(id) & mask; ; at = (at + 1) & mask) {
      const other = slots[at] as number;
      if (other < 0) {
        slots[at] = row;
        first[firsts++] = row;
        break;
      }
      if (source.idAt(other) === id) {
        duplicates.push(row);
        break;
      }
      if (--budget < 0) return undefined;
    }
  }
  return { slots, firsts };
};

/** The same with a `Map`, for lists that defeat the hash. */
const mapTable = (source: IdSource, first: Int32Array, duplicates: number[]) => {
  const map = new Map<string, number>();
  for (let row = 0; row < source.count; row++) {
    const id = source.idAt(row);
    if (map.has(id)) duplicates.push(row);
    else {
      first[map.size] = row;
      map.set(id, row);
    }
  }
  return map;
};

/**
 * The first row of each id of a fixed list. A `Map` of 20,000 ids grows to its size by doubling
 * and rehashes every key each time, reading each id string again; that was a quarter of
 * validating a large plan. This table is sized once, keeps row numbers in typed arrays, and
 * hashes each id once. Should a list be made to collide (probing past a bound), it falls back to
 * a `Map`; either way the answers are the same.
 */
export class IdTable {
  private readonly slots: Int32Array | undefined;
  private readonly fallback: Map<string, number> | undefined;
  /** The rows where each id first appears, in order. */
  readonly firstRows: Int32Array;
  /** The rows whose id an earlier row has, in order. */
  readonly duplicateRows: readonly number[];

  /** `probesPerId` bounds the probing before the `Map` fallback (a parameter for tests). */
  constructor(
    private readonly source: IdSource,
    probesPerId = MAX_PROBES_PER_ID,
  ) {
    const first = new Int32Array(source.count);
    let duplicates: number[] = [];
    const probed = probeTable(source, probesPerId, first, duplicates);
    if (probed === undefined) {
      duplicates = [];
      this.fallback = mapTable(source, first, duplicates);
    }
    this.slots = probed?.slots;
    this.firstRows = first.subarray(0, source.count - duplicates.length);
    this.duplicateRows = duplicates;
  }

  get size(): number {
    return this.firstRows.length;
  }

  /** The first row with `id`, if any. */
  get(id: string): number | undefined {
    if (this.slots === undefined) return this.fallback?.get(id);
    const mask = this.slots.length - 1;
    for (let at = hashOf(id) & mask; ; at = (at + 1) & mask) {
      const row = this.slots[at] as number;
      if (row < 0) return undefined;
      if (this.source.idAt(row) === id) return row;
    }
  }

  /** The ids, each once, in the order they first appear. */
  *keys(): Generator<string> {
    for (const row of this.firstRows) yield this.source.idAt(row);
  }
}
