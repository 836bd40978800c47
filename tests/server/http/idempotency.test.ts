import { describe, expect, it, vi } from 'vitest';
import { HttpProblem } from '../../../server/src/http/http-problem';
import { aUser, createAccessTestApp, postJson } from '../access/access-test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An app whose POST /api/dossiers counts how often it really acted, and can be held in the middle of a request. */
async function countingApp() {
  const acted: unknown[] = [];
  let hold: Promise<void> | undefined;
  let entered: () => void = () => undefined;
  const setup = await createAccessTestApp({
    users: [aUser({ id: 'u1', username: 'official.motcua' }), aUser({ id: 'u2', username: 'head.motcua', role: 'headOfUnit' })],
    extra: (app) => {
      app.post('/api/dossiers', async (c) => {
        const body = await c.req.json();
        entered();
        if (hold) await hold;
        if (body.applicant === 'refused') throw new HttpProblem({ status: 409, code: 'CONFLICT', title: 'Refused' });
        acted.push(body);
        c.header('location', `/api/dossiers/d${acted.length}`);
        return c.json({ id: `d${acted.length}`, applicant: body.applicant }, 201);
      });
    },
  });
  const holdNext = () => {
    let release: () => void = () => undefined;
    hold = new Promise((done) => (release = done));
    const started = new Promise<void>((done) => (entered = done));
    return { started, release: () => release() };
  };
  return { ...setup, acted, holdNext };
}

describe('Idempotency-Key on mutating requests', () => {
  it('acts once and replays the stored answer, with Idempotent-Replayed, to a retry with the same key and body', async () => {
    // given
    const { app, acted, bearer } = await countingApp();
    const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-123' };
    // when
    const first = await app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
    const retry = await app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
    // then
    expect(acted).toHaveLength(1);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe('/api/dossiers/d1');
    expect(await retry.json()).toEqual(await first.json());
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED when the same key comes with another body, and does not act', async () => {
    // given
    const { app, acted, bearer } = await countingApp();
    const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-123' };
    await app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
    // when
    const reused = await app.request('/api/dossiers', postJson({ applicant: 'Trần Thị B' }, headers));
    // then
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(acted).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS to a retry while the first request still runs', async () => {
    // given
    const { app, acted, bearer, holdNext } = await countingApp();
    const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-slow' };
    const held = holdNext();
    const first = app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
    await held.started;
    // when
    const retry = await app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
    held.release();
    // then
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect((await first).status).toBe(201);
    expect(acted).toHaveLength(1);
  });

  it('lets the retry of a request whose process died run after a lease of seconds, not minutes', async () => {
    // given a first request that never finishes and whose heartbeat never beats again, as when its process is killed
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { app, acted, clock, bearer, holdNext } = await countingApp();
      const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-dead' };
      const held = holdNext();
      const first = app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
      await held.started;
      // when the client sends it again 4 seconds later
      clock.advance(4_000);
      const retry = app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
      held.release();
      // then the retry runs instead of waiting out the dead request
      expect((await retry).status).toBe(201);
      await first;
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the key of a slow request that is still running: its heartbeat renews the lease', async () => {
    // given a first request still running after twice the lease, its heartbeat beating every second
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { app, acted, clock, bearer, holdNext } = await countingApp();
      const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-alive' };
      const held = holdNext();
      const first = app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
      await held.started;
      for (let second = 0; second < 8; second += 1) {
        clock.advance(1_000);
        await vi.advanceTimersByTimeAsync(1_000);
      }
      // when the client sends it again
      const retry = await app.request('/api/dossiers', postJson({ applicant: 'Nguyễn Văn A' }, headers));
      held.release();
      // then the retry waits for the first, which acts once
      expect(retry.status).toBe(409);
      expect((await first).status).toBe(201);
      expect(acted).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets the key after 24 hours, so the same key then acts again', async () => {
    // given
    const { app, acted, clock, bearer } = await countingApp();
    const headers = { 'idempotency-key': 'k-123' };
    await app.request('/api/dossiers', postJson({ applicant: 'A' }, { ...(await bearer('official.motcua')), ...headers }));
    // when
    clock.advance(DAY_MS - 1);
    const withinDay = await app.request('/api/dossiers', postJson({ applicant: 'A' }, { ...(await bearer('official.motcua')), ...headers }));
    clock.advance(1);
    const afterDay = await app.request('/api/dossiers', postJson({ applicant: 'A' }, { ...(await bearer('official.motcua')), ...headers }));
    // then
    expect(withinDay.headers.get('idempotent-replayed')).toBe('true');
    expect(afterDay.headers.get('idempotent-replayed')).toBeNull();
    expect(acted).toHaveLength(2);
  });

  it('does not keep a refused answer: the retry runs again', async () => {
    // given
    const { app, bearer, idempotencyStore } = await countingApp();
    const headers = { ...(await bearer('official.motcua')), 'idempotency-key': 'k-refused' };
    // when
    const first = await app.request('/api/dossiers', postJson({ applicant: 'refused' }, headers));
    const retry = await app.request('/api/dossiers', postJson({ applicant: 'refused' }, headers));
    // then
    expect(first.status).toBe(409);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await idempotencyStore.get('u1:k-refused')).toBeUndefined();
  });

  it('keeps the keys of two users apart: the same key from another user acts on its own', async () => {
    // given
    const { app, acted, bearer } = await countingApp();
    await app.request('/api/dossiers', postJson({ applicant: 'A' }, { ...(await bearer('official.motcua')), 'idempotency-key': 'shared' }));
    // when
    const other = await app.request('/api/dossiers', postJson({ applicant: 'A' }, { ...(await bearer('head.motcua')), 'idempotency-key': 'shared' }));
    // then
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(acted).toHaveLength(2);
  });

  it('answers 400 IDEMPOTENCY_KEY_INVALID for a key with spaces or over 255 characters', async () => {
    // given
    const { app, acted } = await countingApp();
    // when
    const spaced = await app.request('/api/dossiers', postJson({ applicant: 'A' }, { 'idempotency-key': 'two words' }));
    const long = await app.request('/api/dossiers', postJson({ applicant: 'A' }, { 'idempotency-key': 'k'.repeat(256) }));
    // then
    expect(spaced.status).toBe(400);
    expect(await spaced.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(long.status).toBe(400);
    expect(acted).toHaveLength(0);
  });
});
