/** @module logger — structured JSON logs (pino). Secrets never enter a log line: see `redact`. */
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** Secret-bearing keys, redacted at the top level and up to three objects deep (pino paths have no recursive wildcard). */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'access_token', 'authorization', 'cookie', 'sessionSecret', 'secret', 'uri'];
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** Creates the process logger. Passwords, tokens and cookies are redacted wherever they appear in a logged object. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'lien-thong' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination,
  );
}
