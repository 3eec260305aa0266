import type { LoggerOptions } from 'pino';

const CENSOR = '[REDACTED]';

/**
 * pino options for the BFF. Request logs never include headers, but the
 * redaction list is the safety net should anyone log a header set, a token
 * response or a config object: Authorization, cookies, tokens and the
 * client secret are censored wherever they appear one level deep.
 */
export function loggerOptions(level: string): LoggerOptions {
  const sensitive = [
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
  return {
    level,
    redact: {
      paths: [
        ...sensitive,
        ...sensitive.map((key) => `*.${key}`),
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: CENSOR,
    },
  };
}
