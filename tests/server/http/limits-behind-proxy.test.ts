/**
 * Per-address limits on anonymous writes and reads behind the load balancer (issue 14 §3 and §5): the client address
 * is the entry our own proxies wrote in X-Forwarded-For (TRUST_PROXY_HOPS), never the left-most entry a client can
 * forge; and anonymous Idempotency-Keys are scoped by that address, so two citizens' keys never meet.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT, FIXTURE_KEY, VALID_FORM, createDossierTestApp, type TestApp } from '../dossiers/dossier-fixture';

/** What our load balancer forwards: whatever the client sent, then the address it saw the client at. */
const throughProxy = (client: string, forged?: string) => ({ 'x-forwarded-for': forged ? `${forged}, ${client}` : client });

async function submit(t: TestApp, headers: Record<string, string>, applicant = APPLICANT) {
  const response = await t.app.request('/api/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ procedureKey: FIXTURE_KEY, applicant, form: VALID_FORM }),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { id?: string; dossierCode?: string; code?: string } };
}

describe('the online submission limit behind one load balancer (TRUST_PROXY_HOPS=1)', () => {
  it('holds when the client forges the left-most X-Forwarded-For entry, and leaves another citizen behind the same proxy free', async () => {
    // given
    const t = await createDossierTestApp({ trustProxyHops: 1, submissionLimit: { limit: 2, windowMs: 600_000 } });
    // when one client spends its budget, then sends a new forged address each time
    const spent = [await submit(t, throughProxy('203.0.113.7')), await submit(t, throughProxy('203.0.113.7', '10.0.0.1'))];
    const forged = [await submit(t, throughProxy('203.0.113.7', '10.0.0.2')), await submit(t, throughProxy('203.0.113.7', '198.51.100.9'))];
    const neighbour = await submit(t, throughProxy('198.51.100.9'));
    // then
    expect(spent.map((answer) => answer.status)).toEqual([201, 201]);
    expect(forged.map((answer) => answer.status)).toEqual([429, 429]);
    expect(forged[0]!.body.code).toBe('RATE_LIMITED');
    expect(neighbour.status).toBe(201);
  });

  it('ignores X-Forwarded-For when no proxy is trusted (the default), so the header cannot buy a new budget', async () => {
    // given a server reached directly, and a server behind one proxy
    const direct = await createDossierTestApp({ submissionLimit: { limit: 1, windowMs: 600_000 } });
    const proxied = await createDossierTestApp({ trustProxyHops: 1, submissionLimit: { limit: 1, windowMs: 600_000 } });
    // when two requests claim two different addresses
    const directAnswers = [await submit(direct, throughProxy('203.0.113.7')), await submit(direct, throughProxy('198.51.100.9'))];
    const proxiedAnswers = [await submit(proxied, throughProxy('203.0.113.7')), await submit(proxied, throughProxy('198.51.100.9'))];
    // then directly they are one caller (the socket), behind the proxy two
    expect(directAnswers.map((answer) => answer.status)).toEqual([201, 429]);
    expect(proxiedAnswers.map((answer) => answer.status)).toEqual([201, 201]);
  });
});

describe('the citizen lookup limit behind a CDN and a load balancer (TRUST_PROXY_HOPS=2)', () => {
  it('counts the address the CDN saw, whatever the client put before it', async () => {
    // given
    const t = await createDossierTestApp({ trustProxyHops: 2, lookupLimit: { limit: 2, windowMs: 60_000 } });
    const lookup = (headers: Record<string, string>) => t.app.request('/api/lookup?code=khong-co-ma-nay&idNumber=001085012345', { headers });
    // when (the load balancer appends the CDN's address after the client's)
    const statuses = [];
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await lookup({ 'x-forwarded-for': `${forged}, 203.0.113.7, 192.0.2.10` })).status);
    const neighbour = await lookup({ 'x-forwarded-for': '198.51.100.9, 192.0.2.10' });
    // then
    expect(statuses).toEqual([404, 404, 429]);
    expect(neighbour.status).toBe(404);
  });
});

describe('Idempotency-Key of anonymous callers', () => {
  it('scopes the key by client address: the same key from two citizens makes two dossiers, and neither sees the other’s answer', async () => {
    // given
    const t = await createDossierTestApp({ trustProxyHops: 1 });
    const key = { 'idempotency-key': 'nop-ho-so-1' };
    // when two citizens behind the same proxy happen to send the same key (and the same form)
    const first = await submit(t, { ...key, ...throughProxy('203.0.113.7') });
    const other = await submit(t, { ...key, ...throughProxy('198.51.100.9') }, { ...APPLICANT, name: 'Lê Thị Bình' });
    const sameBodyOther = await submit(t, { ...key, ...throughProxy('198.51.100.10') });
    const retry = await submit(t, { ...key, ...throughProxy('203.0.113.7') });
    // then each citizen gets a dossier of their own; only the first citizen's retry is a replay
    expect([first.status, other.status, sameBodyOther.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, other.body.id, sameBodyOther.body.id]).size).toBe(3);
    expect(sameBodyOther.replayed).toBeNull();
    expect(retry.replayed).toBe('true');
    expect(retry.body.dossierCode).toBe(first.body.dossierCode);
    expect((await t.stores.dossiers.list({}, { offset: 0, limit: 10 })).total).toBe(3);
  });
});
