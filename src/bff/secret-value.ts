import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';

/**
 * Holds a secret so that logging, JSON serialisation or string interpolation
 * of the object that carries it can never print the value. Only code that
 * must send the secret upstream calls `reveal()`.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The raw secret; call it only where the value leaves for the token endpoint. */
  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `SecretValue(${REDACTED})`;
  }
}
