/**
 * The statistics and heatmap tests' shared fixture: a test app with N dossiers seeded across three procedures
 * through the dossier core's use cases on a simulated clock (`tests/support/seed-dossiers.ts`).
 */
import { createTestApp } from '../../support/test-app';
import { seedDossiers } from '../../support/seed-dossiers';

/** Monday 3 March 2025, 08:00 in Vietnam. */
export const SEED_START = Date.UTC(2025, 2, 3, 1, 0);
/** The simulation stops on Thursday 17 April 2025 at 10:00 in Vietnam, while the last dossiers are in process. */
export const SEED_STOP = Date.UTC(2025, 3, 17, 3, 0);

export async function createSeededApp(count: number) {
  const t = await createTestApp({ startAt: SEED_START });
  const analyst = await t.as('analyst');
  const seeded = await seedDossiers(
    {
      ...t,
      deploy: async (key, xml) => {
        const response = await t.app.request('/api/procedures', { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ key, xml }) });
        if (response.status !== 201) throw new Error(`deploy ${key}: ${response.status} ${await response.text()}`);
      },
    },
    { count, startAt: SEED_START, days: 45, stopAt: SEED_STOP },
  );
  return { ...t, ...seeded };
}

/** GET as `user`, answering status and parsed JSON (or text). */
export async function getAs<T = Record<string, unknown>>(t: Awaited<ReturnType<typeof createTestApp>>, user: string, path: string): Promise<{ status: number; body: T; text: string; bytes: Uint8Array; headers: Headers }> {
  const response = await t.app.request(path, { headers: await t.as(user) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Kept byte for byte: TextDecoder would drop a UTF-8 byte order mark.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV stays text
  }
  return { status: response.status, body: body as T, text, bytes, headers: response.headers };
}
