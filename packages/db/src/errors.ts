/**
 * A conditional write found the row changed since it was read (its version moved): someone else
 * wrote first. Services turn it into a CONFLICT.
 */
export class StaleRowError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`${table} ${id} was changed by someone else`);
    this.name = 'StaleRowError';
  }
}
