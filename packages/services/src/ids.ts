import { randomBytes } from 'node:crypto';

/**
 * Creates a generator of UUIDv7 ids: time-ordered (the first 48 bits are milliseconds), so rows and
 * audit entries sort by creation, and unique across processes. Monotonic within one process.
 */
export const createIdGenerator = (now: () => number = Date.now): (() => string) => {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    // 12 bits of counter keep ids ordered within a millisecond.
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
};
