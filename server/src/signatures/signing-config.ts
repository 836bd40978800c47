/**
 * @module signing-config — ký số from the environment: SIGNING_KEY (32 bytes in base64, seals the officials'
 * PKCS#12 files; without it signing is off), SIGNING_TRUST_ANCHORS_FILE (a PEM bundle of the trusted root CAs,
 * e.g. the national root CA of Decree 130/2018/NĐ-CP), SIGNING_LOCATION, and for a remote signing service
 * CSC_SIGNING_URL and CSC_SIGNING_TOKEN.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { createCscSigningClient } from './csc-signing-client';
import { parseSealingKey } from './secret-box';
import type { SigningDeps } from './signing-deps';

export type SigningConfig = Omit<SigningDeps, 'certificates'>;

/** The PEM certificates of a bundle, each checked to parse. */
export function parseTrustAnchors(bundle: string): string[] {
  const pems = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return pems.map((pem) => new X509Certificate(pem).toString());
}

/** Undefined when SIGNING_KEY is absent (signing routes then answer 503); throws on a half or wrong configuration. */
export function parseSigningConfig(env: Record<string, string | undefined>): SigningConfig | undefined {
  if (!env.SIGNING_KEY) return undefined;
  if (!env.SIGNING_TRUST_ANCHORS_FILE) throw new Error('SIGNING_KEY is set but SIGNING_TRUST_ANCHORS_FILE (the PEM bundle of trusted root CAs) is not');
  const trustAnchors = parseTrustAnchors(readFileSync(env.SIGNING_TRUST_ANCHORS_FILE, 'utf8'));
  if (trustAnchors.length === 0) throw new Error(`${env.SIGNING_TRUST_ANCHORS_FILE} holds no PEM certificate`);
  const remote =
    env.CSC_SIGNING_URL && env.CSC_SIGNING_TOKEN
      ? createCscSigningClient({ baseUrl: env.CSC_SIGNING_URL, accessToken: env.CSC_SIGNING_TOKEN, wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) })
      : undefined;
  return { sealingKey: parseSealingKey(env.SIGNING_KEY), trustAnchors, location: env.SIGNING_LOCATION ?? 'Việt Nam', ...(remote ? { remote } : {}) };
}
