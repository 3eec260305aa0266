/** Header paths pino must never print. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
];

export interface LoggerOptions {
  level: string;
  redact: { paths: string[]; censor: string };
}

/** JSON logs (pino) with tokens and cookies redacted, whatever gets logged. */
export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
