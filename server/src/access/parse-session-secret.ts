/**
 * @module parse-session-secret — the HS256 key of session tokens from `SESSION_SECRET`. In production a missing,
 * short or published secret refuses the start: anyone who knows the key can sign a token for any user.
 */
import { randomBytes } from 'node:crypto';

/** At least 32 characters: RFC 7518 §3.2 wants an HS256 key as long as the hash output (32 bytes). */
export const MIN_SESSION_SECRET_LENGTH = 32;

/**
 * Values published in this repository (tests, benches, examples) or typed by people in a hurry: known to everyone,
 * so never a production key.
 */
const KNOWN_SECRETS = new Set([
  'test-secret-test-secret-test-secret-0123',
  'test secret of at least thirty-two bytes!',
  'e2e-session-secret-e2e-session-secret-0123',
  'crash-test-session-secret-0123456789abcdef',
  'load-bench-session-secret-0123456789abcdef',
  'recovery-bench-session-secret-0123456789abcdef',
  'changeme-changeme-changeme-changeme',
  'change-me-to-a-long-random-secret-of-32-bytes',
  '0123456789abcdef0123456789abcdef',
  '00000000000000000000000000000000',
  'abcdefghijklmnopqrstuvwxyz123456',
  'secretsecretsecretsecretsecretsecret',
]);

export interface SessionSecretInput {
  /** `SESSION_SECRET`, if set. */
  secret?: string;
  /** `NODE_ENV=production`. */
  production: boolean;
}

export interface SessionSecret {
  secret: string;
  /** Set when the key is random for this process only (no SESSION_SECRET outside production): sessions end on restart. */
  warning?: string;
}

/** What is wrong with `secret` as a production key, or undefined when it will do. */
export function weaknessOfSessionSecret(secret: string): string | undefined {
  if (secret.length < MIN_SESSION_SECRET_LENGTH) return `it has ${secret.length} characters; at least ${MIN_SESSION_SECRET_LENGTH} are needed`;
  if (KNOWN_SECRETS.has(secret) || /secret|changeme|change-me|example/i.test(secret)) return 'it is a published or placeholder value';
  // A long run of few distinct characters ('aaaa…', '1212…') has little entropy whatever its length.
  if (new Set(secret).size < 10) return 'it uses fewer than 10 distinct characters';
  return undefined;
}

/**
 * The session key to use. Throws an Error whose message says what to do when production has no strong secret.
 *
 * @example
 * const { secret, warning } = parseSessionSecret({ secret: env.SESSION_SECRET, production: env.NODE_ENV === 'production' });
 */
export function parseSessionSecret(input: SessionSecretInput): SessionSecret {
  const how = 'Set SESSION_SECRET to at least 32 random characters, e.g. `openssl rand -base64 48`, the same in every server process.';
  if (input.secret === undefined || input.secret === '') {
    if (input.production) throw new Error(`NODE_ENV=production needs SESSION_SECRET. ${how}`);
    return { secret: randomBytes(32).toString('hex'), warning: 'SESSION_SECRET not set: a random secret is used, so sessions end when the process restarts' };
  }
  const weakness = weaknessOfSessionSecret(input.secret);
  if (weakness !== undefined && input.production) throw new Error(`SESSION_SECRET is too weak for NODE_ENV=production: ${weakness}. ${how}`);
  if (input.secret.length < MIN_SESSION_SECRET_LENGTH) throw new Error(`SESSION_SECRET is too short: ${weakness}. ${how}`);
  return { secret: input.secret };
}
