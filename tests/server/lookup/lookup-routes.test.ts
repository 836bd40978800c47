/** The public citizen lookup: only the allowed fields, one answer for a wrong ID number and an unknown code, rate-limited. */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app';
import { DOSSIER_CODE, ID_NUMBER, RECEIVED_AT, storeDossier } from './stored-dossier';

const lookup = (code: string, idNumber: string) => `/api/lookup?${new URLSearchParams({ code, idNumber })}`;

describe('GET /api/lookup', () => {
  it('answers the status, procedure, dates and steps with their due dates of a dossier by its code and the applicant ID number, the token of its message choice, and nothing else', async () => {
    // given
    const { app, stores } = await createTestApp();
    await storeDossier(stores);
    // when
    const response = await app.request(lookup(DOSSIER_CODE, ID_NUMBER));
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 4,
      statusLabel: 'Đang xử lý',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      receivedAt: new Date(RECEIVED_AT).toISOString(),
      appointmentAt: new Date(RECEIVED_AT + 15 * 86_400_000).toISOString(),
      steps: [
        { name: 'Tiếp nhận hồ sơ', state: 'completed', startedAt: new Date(RECEIVED_AT).toISOString(), endedAt: new Date(RECEIVED_AT + 3_600_000).toISOString(), dueAt: new Date(RECEIVED_AT + 4 * 3_600_000).toISOString() },
        { name: 'Thẩm định hồ sơ', state: 'open', startedAt: new Date(RECEIVED_AT + 3_600_000).toISOString(), dueAt: new Date(RECEIVED_AT + 10 * 86_400_000).toISOString() },
      ],
      // The tracking page's message switch (notification-choice-routes.ts): a token that can do nothing else.
      notificationsToken: { token: expect.any(String), expiresAt: expect.any(String) },
    });
  });

  it('accepts the ID number with spaces, as people type it from the card', async () => {
    // given
    const { app, stores } = await createTestApp();
    await storeDossier(stores);
    // when
    const response = await app.request(lookup(DOSSIER_CODE, ' 001 085 012 345 '));
    // then
    expect(response.status).toBe(200);
  });

  it('answers a wrong ID number exactly as an unknown dossier code', async () => {
    // given
    const { app, stores } = await createTestApp();
    await storeDossier(stores);
    // when
    const wrongId = await app.request(lookup(DOSSIER_CODE, '001085099999'));
    const unknownCode = await app.request(lookup('ttpvhcc-250303-9999', ID_NUMBER));
    // then
    expect(wrongId.status).toBe(404);
    expect(unknownCode.status).toBe(404);
    const [a, b] = [await wrongId.json(), await unknownCode.json()];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    expect(wrongId.headers.get('content-type')).toBe(unknownCode.headers.get('content-type'));
  });

  it('refuses a lookup without a code or an ID number with a 400 problem', async () => {
    // given
    const { app } = await createTestApp();
    // when
    const response = await app.request(`/api/lookup?code=${encodeURIComponent(DOSSIER_CODE)}`);
    // then
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 429 with Retry-After after 30 lookups a minute from one address, and again after the minute', async () => {
    // given
    const { app, stores, clock } = await createTestApp();
    await storeDossier(stores);
    const statuses: number[] = [];
    // when
    for (let i = 0; i < 31; i += 1) statuses.push((await app.request(lookup(DOSSIER_CODE, i % 2 ? ID_NUMBER : 'guess'))).status);
    const limited = await app.request(lookup(DOSSIER_CODE, ID_NUMBER));
    clock.advance(60_000);
    const afterWindow = await app.request(lookup(DOSSIER_CODE, ID_NUMBER));
    // then
    expect(statuses.slice(0, 30).every((status) => status === 200 || status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(afterWindow.status).toBe(200);
  });
});
