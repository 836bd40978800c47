/**
 * @module csc-signing-service-double — a remote signing service for tests that speaks the CSC API v2 subset the
 * server uses (credentials/info, signatures/signHash, signatures/status): it checks the bearer token, the hash
 * algorithm and the digest's length, keeps the key of a test-CA certificate, and for a "mobile" credential answers
 * 202 and waits for the holder's approval, which the test gives (or refuses).
 */
import { constants, createPrivateKey, privateEncrypt, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { IssuedCertificate } from './test-certificate-authority';

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const derOf = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

export interface CscSigningServiceDouble {
  fetch: typeof fetch;
  /** Digests signed so far, base64. */
  signedHashes: string[];
  /** The holder approves (or refuses) the pending mobile transaction. */
  decide(decision: 'signed' | 'rejected'): void;
}

export function createCscSigningServiceDouble(options: { accessToken: string; holder: IssuedCertificate; chain: IssuedCertificate[] }): CscSigningServiceDouble {
  const key = createPrivateKey(options.holder.privateKeyPem);
  const signedHashes: string[] = [];
  const pending = new Map<string, { hash: string; status: 'pending' | 'signed' | 'rejected' }>();
  const sign = (hash: string) => {
    signedHashes.push(hash);
    return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(hash, 'base64')])).toString('base64');
  };
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${options.accessToken}`) return c.json({ error: 'invalid_token', error_description: 'Mã truy cập không hợp lệ' }, 401);
    return next();
  });
  app.post('/csc/v2/credentials/info', async (c) => {
    const body = await c.req.json<{ credentialID: string }>();
    if (!['office', 'mobile'].includes(body.credentialID)) return c.json({ error: 'invalid_request', error_description: 'Không có chứng thư' }, 400);
    return c.json({ key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'] }, cert: { status: 'valid', certificates: [options.holder, ...options.chain].map((c) => derOf(c.pem)) } });
  });
  app.post('/csc/v2/signatures/signHash', async (c) => {
    const body = await c.req.json<{ credentialID: string; hashes: string[]; hashAlgorithmOID: string; signAlgo: string }>();
    if (body.hashAlgorithmOID !== '2.16.840.1.101.3.4.2.1' || body.signAlgo !== '1.2.840.113549.1.1.1') return c.json({ error: 'invalid_request', error_description: 'Thuật toán không hỗ trợ' }, 400);
    if (body.hashes.length !== 1 || Buffer.from(body.hashes[0]!, 'base64').length !== 32) return c.json({ error: 'invalid_request', error_description: 'Mã băm không hợp lệ' }, 400);
    if (body.credentialID === 'mobile') {
      const transactionID = randomUUID();
      pending.set(transactionID, { hash: body.hashes[0]!, status: 'pending' });
      return c.json({ transactionID }, 202);
    }
    return c.json({ signatures: [sign(body.hashes[0]!)] });
  });
  app.post('/csc/v2/signatures/status', async (c) => {
    const { transactionID } = await c.req.json<{ transactionID: string }>();
    const transaction = pending.get(transactionID);
    if (!transaction) return c.json({ error: 'invalid_request', error_description: 'Không có giao dịch' }, 404);
    if (transaction.status === 'signed') return c.json({ status: 'signed', signatures: [sign(transaction.hash)] });
    return c.json({ status: transaction.status });
  });
  return {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch,
    signedHashes,
    decide(decision) {
      for (const transaction of pending.values()) if (transaction.status === 'pending') transaction.status = decision;
    },
  };
}
