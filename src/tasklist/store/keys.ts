import type { Db } from './database';

/**
 * Zeebe keys carry the partition id in the bits above 2^51; partition 1 starts
 * at 2251799813685249. They stay below 2^53, so JavaScript numbers hold them
 * exactly, and every key has 16 digits, so text order equals numeric order.
 */
export const KEY_BASE = 2 ** 51;

/** Parses a key given as text; anything that is not a stored key gives null. */
export function parseKey(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Hands out the next key from a counter in the database, so keys are
 * deterministic for a given sequence of operations and survive restarts.
 */
export class KeySequence {
  private readonly next;

  constructor(db: Db) {
    // An upsert, so a wiped meta table simply starts the sequence again.
    this.next = db
      .prepare(
        `INSERT INTO meta (name, value) VALUES ('key_sequence', '1')
         ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1
         RETURNING CAST(value AS INTEGER) AS value`,
      )
      .pluck();
  }

  /** The next unused key. Call it inside the transaction that uses it. */
  nextKey(): number {
    return KEY_BASE + Number(this.next.get());
  }
}
