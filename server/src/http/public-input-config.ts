/**
 * @module public-input-config — the settings that bound what anonymous callers may send, from their environment
 * variables (main.ts passes the strings; this module only parses): proxies trusted for client addresses, e-form and
 * step-data bounds, and the per-address limits on online submissions and the citizen lookup. A value that is not a
 * whole number stops the start: a typo must not silently turn a limit off.
 *
 * @example
 * const limits = parsePublicInputConfig({ trustProxyHops: env.TRUST_PROXY_HOPS, formMaxBytes: env.FORM_MAX_BYTES });
 * createApp({ ...deps, ...limits });
 */
import { DEFAULT_FORM_DATA_LIMITS, type FormDataLimits } from '../dossiers/form-data-limits';

export interface PublicInputSettings {
  /** TRUST_PROXY_HOPS: how many proxies of yours sit in front of the server; 0 by default. */
  trustProxyHops?: string;
  /** FORM_MAX_BYTES: 65536 by default. */
  formMaxBytes?: string;
  /** FORM_MAX_DEPTH: 8 by default. */
  formMaxDepth?: string;
  /** SUBMISSIONS_PER_10_MINUTES per client address: 20 by default. */
  submissionsPer10Minutes?: string;
  /** LOOKUPS_PER_MINUTE per client address: 30 by default. */
  lookupsPerMinute?: string;
}

export interface PublicInputConfig {
  trustProxyHops: number;
  formLimits: FormDataLimits;
  submissionLimit: { limit: number; windowMs: number };
  lookupLimit: { limit: number; windowMs: number };
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${text}"`);
  return value;
}

export function parsePublicInputConfig(settings: PublicInputSettings): PublicInputConfig {
  return {
    trustProxyHops: wholeNumber('TRUST_PROXY_HOPS', settings.trustProxyHops, 0, 0),
    formLimits: {
      maxBytes: wholeNumber('FORM_MAX_BYTES', settings.formMaxBytes, DEFAULT_FORM_DATA_LIMITS.maxBytes, 1024),
      maxDepth: wholeNumber('FORM_MAX_DEPTH', settings.formMaxDepth, DEFAULT_FORM_DATA_LIMITS.maxDepth, 1),
    },
    submissionLimit: { limit: wholeNumber('SUBMISSIONS_PER_10_MINUTES', settings.submissionsPer10Minutes, 20, 1), windowMs: 10 * 60_000 },
    lookupLimit: { limit: wholeNumber('LOOKUPS_PER_MINUTE', settings.lookupsPerMinute, 30, 1), windowMs: 60_000 },
  };
}
