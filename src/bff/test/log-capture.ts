import { Writable } from 'node:stream';
import type pino from 'pino';
import { createLogger } from '../logger';

export interface LogCapture {
  logger: pino.Logger;
  /** Every JSON line written so far, raw. */
  lines: string[];
}

/** A debug-level pino logger with the production redaction, writing into memory. */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}
