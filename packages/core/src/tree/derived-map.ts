/**
 * A read-only map whose values are looked up through another structure (a position, a slot),
 * so the plan index keeps one hash table of node ids instead of one per question it answers.
 * Values are never undefined; `has` is `get(key) !== undefined`.
 */
export class DerivedMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    readonly size: number,
    private readonly lookup: (key: K) => V | undefined,
    /** The keys in the map's iteration order. */
    private readonly keyList: () => Iterable<K>,
    /** The values in the same order, when they can be listed without looking each key up. */
    private readonly valueList?: () => Iterable<V>,
  ) {}
  get(key: K): V | undefined {
    return this.lookup(key);
  }
  has(key: K): boolean {
    return this.lookup(key) !== undefined;
  }
  *keys(): MapIterator<K> {
    yield* this.keyList();
  }
  *values(): MapIterator<V> {
    if (this.valueList) yield* this.valueList();
    else for (const k of this.keyList()) yield this.lookup(k) as V;
  }
  *entries(): MapIterator<[K, V]> {
    for (const k of this.keyList()) yield [k, this.lookup(k) as V];
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const k of this.keyList()) fn(this.lookup(k) as V, k, this);
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
