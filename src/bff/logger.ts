import pino, { type DestinationStream, type LoggerOptions } from 'pino';

export const CENSOR = '[REDACTED]';

/** Keys whose values never reach a log line, at the top level or one level down. */
const SENSITIVE = [
  'authorization',
  'cookie',
  'access_token',
  'accessToken',
  'refresh_token',
  'id_token',
  'client_secret',
  'clientSecret',
  'token',
  'secret',
  'password',
];

type LogObject = Record<string, unknown>;

/** A copy of `value` (an Error stays an Error) with its sensitive keys censored. */
function censoredCopy(value: object, keys: string[]): object {
  const copy = Object.create(
    Object.getPrototypeOf(value) as object | null,
    Object.getOwnPropertyDescriptors(value),
  ) as LogObject;
  // Since Node 22 (V8 12) an error's `stack` is an accessor that reads the
  // original error's internal slot, so on a copy it comes back empty: copy
  // the text itself.
  if (value instanceof Error) {
    Object.defineProperty(copy, 'stack', {
      value: value.stack,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  for (const key of keys) copy[key] = CENSOR;
  return copy;
}

/**
 * Censors sensitive keys one level below the top (`{ res: { token } }`),
 * what `*.token` redaction paths would do. pino runs a wildcard path's
 * redactor on every key of every line and every child binding, which cost
 * more than the rest of a token request (issue 11); this looks only at
 * object values and copies one only when it holds a sensitive key.
 */
export function censorNested(object: LogObject): LogObject {
  let result = object;
  for (const key in object) {
    const value = object[key];
    if (typeof value !== 'object' || value === null) continue;
    const found = SENSITIVE.filter((name) => Object.hasOwn(value, name));
    if (found.length === 0) continue;
    if (result === object) result = { ...object };
    result[key] = censoredCopy(value, found);
  }
  return result;
}

/**
 * pino options for the BFF. Request logs never include headers, but the
 * redaction is the safety net should anyone log a header set, a token
 * response or a config object: Authorization, cookies, tokens and the
 * client secret are censored wherever they appear one level deep. The
 * top-level keys and the header paths stay pino redaction paths, which cost
 * nothing unless the key is present.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        ...SENSITIVE,
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: CENSOR,
    },
    formatters: { log: censorNested },
  };
}

/** Lines are written in batches of about this many bytes… */
const BATCH_BYTES = 4096;
/** …or at the latest this long after they were logged. */
const FLUSH_EVERY_MS = 1000;

/**
 * Standard output, written asynchronously in batches. pino's default writes
 * every line with its own blocking `write(2)` on the main thread, which cost
 * a token request more than several of its checks (issue 11); here lines
 * collect in memory and go out together, on the thread pool, once 4 KiB
 * have gathered or a second has passed. pino writes what is left
 * synchronously when the process exits (also after an uncaught exception);
 * only a kill -9 or a machine failure can lose the last second.
 */
function stdoutDestination(): DestinationStream {
  const destination = pino.destination({
    dest: 1,
    sync: false,
    minLength: BATCH_BYTES,
  });
  setInterval(() => {
    destination.flush();
  }, FLUSH_EVERY_MS).unref();
  return destination;
}

type ChildMethod = (
  this: unknown,
  bindings: pino.Bindings,
  options?: pino.ChildLoggerOptions,
) => unknown;

/**
 * The BFF's logger. pino's `formatters.bindings` does not reach child
 * loggers, so `child` censors its bindings itself; children inherit the
 * method, so grandchildren (fastify's per-request loggers) do too.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
): pino.Logger {
  const logger = pino(loggerOptions(level), destination ?? stdoutDestination());
  const child = Reflect.get(logger, 'child') as ChildMethod;
  Object.defineProperty(logger, 'child', {
    value: function censoredChild(
      this: unknown,
      bindings: pino.Bindings,
      options?: pino.ChildLoggerOptions,
    ) {
      return child.call(this, censorNested(bindings), options);
    },
  });
  return logger;
}
