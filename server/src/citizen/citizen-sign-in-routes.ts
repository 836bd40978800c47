/**
 * @module citizen-sign-in-routes — citizens sign in with their electronic identity (VNeID, Decree 69/2024/NĐ-CP
 * *(verify)*) through OpenID Connect, as officials do with the province's provider (oidc-relying-party.ts: code flow,
 * PKCE, state, nonce, the ID token checked by openid-client), to see every dossier they applied for ("Hồ sơ của tôi",
 * issue 18 item 3). The provider's ID number claim (`CITIZEN_OIDC_ID_NUMBER_CLAIM`, `id_number` by default *(verify:
 * the claim VNeID names)*) is matched to the dossiers' applicant ID number. The session is a short-lived JWT with a key
 * of its own, carried in `X-Citizen-Session`, good for this list only: it neither acts on a dossier nor passes as an
 * official's session or a dossier's citizen token.
 */
import { createHmac } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Clock } from '../../../engine/src/index';
import type { OidcRelyingParty } from '../access/oidc-relying-party';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { DOSSIER_STATUS_LABELS } from '../routes/lookup-routes';
import type { Stores } from '../stores';

export interface CitizenSignInDeps {
  /** The citizens' identity provider; absent: the routes answer 404 `SSO_NOT_CONFIGURED`. */
  relyingParty?: OidcRelyingParty;
  /** The ID token (or UserInfo) claim holding the 12-digit personal ID number. */
  idNumberClaim: string;
  /** The session secret; the citizens' session key is derived from it with a label of its own. */
  secret: string;
  clock: Clock;
  stores: Pick<Stores, 'dossiers' | 'procedures'>;
  ttlMs?: number;
}

export const CITIZEN_SESSION_HEADER = 'x-citizen-session';
const AUDIENCE = 'lien-thong-citizen-session';
const DEFAULT_TTL_MS = 30 * 60_000;
/** Dossiers one list shows, newest first: a person's whole history of applications is far fewer. */
const MAX_LISTED = 100;

const Instant = z.string().describe('ISO 8601 instant');
const SealSchema = z.object({ query: z.string().min(1).max(4096).describe('The query the provider sent the browser back with'), seal: z.string().min(1).max(4096) });
const MyDossierSchema = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  status: z.number().int(),
  statusLabel: z.string(),
  receivedAt: Instant.optional(),
  appointmentAt: Instant.optional(),
  finishedAt: Instant.optional(),
});

const methodsRoute = createRoute({
  method: 'get',
  path: '/sign-in/methods',
  tags: ['citizen'],
  summary: 'Whether citizens can sign in with their electronic identity here, so the page offers it only where it works',
  responses: {
    200: { description: 'What “Hồ sơ của tôi” offers', content: { 'application/json': { schema: z.object({ electronicIdentity: z.boolean() }).openapi('CitizenSignInMethods') } } },
  },
});
const startRoute = createRoute({
  method: 'post',
  path: '/sign-in/start',
  tags: ['citizen'],
  responses: {
    200: { description: 'Where to send the browser, and the seal to bring back', content: { 'application/json': { schema: z.object({ authorizationUrl: z.string(), seal: z.string() }) } } },
    404: problemResponse('Citizens’ sign-in is not configured (SSO_NOT_CONFIGURED)'),
    502: problemResponse('The identity provider cannot be reached (SSO_UNAVAILABLE)'),
  },
});
const callbackRoute = createRoute({
  method: 'post',
  path: '/sign-in/callback',
  tags: ['citizen'],
  request: { body: { required: true, content: { 'application/json': { schema: SealSchema } } } },
  responses: {
    200: { description: 'The citizen’s session for the list of their dossiers', content: { 'application/json': { schema: z.object({ token: z.string(), expiresAt: Instant, name: z.string().optional() }) } } },
    400: problemResponse('Malformed request'),
    401: problemResponse('The provider’s answer was refused, or it named no ID number (SSO_REFUSED)'),
    404: problemResponse('Citizens’ sign-in is not configured (SSO_NOT_CONFIGURED)'),
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/my-dossiers',
  tags: ['citizen'],
  request: { headers: z.object({ [CITIZEN_SESSION_HEADER]: z.string().max(4096).optional() }) },
  responses: {
    200: { description: 'Every dossier whose applicant has the signed-in ID number, newest first', content: { 'application/json': { schema: z.object({ items: z.array(MyDossierSchema), total: z.number().int() }) } } },
    401: problemResponse('No valid citizen session (UNAUTHENTICATED)'),
  },
});

const notConfigured = () => new HttpProblem({ status: 404, code: 'SSO_NOT_CONFIGURED', title: 'Not found', detail: 'Citizens’ sign-in is not configured on this server.' });
const unauthenticated = (detail: string, cause?: unknown) => new HttpProblem({ status: 401, code: 'UNAUTHENTICATED', title: 'No valid citizen session', detail, cause });
const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

/** Mount under `/api/citizen`. */
export function createCitizenSignInRoutes(deps: CitizenSignInDeps): OpenAPIHono {
  const routes = createApiRouter();
  const key = createHmac('sha256', deps.secret).update('lien-thong citizen session v1').digest();
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;

  routes.openapi(methodsRoute, (c) => c.json({ electronicIdentity: deps.relyingParty !== undefined }, 200));

  routes.openapi(startRoute, async (c) => {
    if (!deps.relyingParty) throw notConfigured();
    const { authorizationUrl, seal } = await deps.relyingParty.start();
    c.header('cache-control', 'no-store');
    return c.json({ authorizationUrl: authorizationUrl.href, seal }, 200);
  });

  routes.openapi(callbackRoute, async (c) => {
    if (!deps.relyingParty) throw notConfigured();
    const { query, seal } = c.req.valid('json');
    const claims = await deps.relyingParty.finish(query, seal);
    const idNumber = claims[deps.idNumberClaim];
    // The Law on Identification 2023: a personal ID number is 12 digits; anything else matches no applicant.
    if (typeof idNumber !== 'string' || !/^[0-9]{12}$/.test(idNumber.trim())) {
      throw new HttpProblem({ status: 401, code: 'SSO_REFUSED', title: 'Single sign-on refused', detail: `The identity provider gave no personal ID number (claim ${deps.idNumberClaim}).` });
    }
    const now = deps.clock.now();
    const expiresAt = Math.floor((now + ttlMs) / 1000) * 1000;
    const token = await new SignJWT({ idn: idNumber.trim() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('lien-thong')
      .setAudience(AUDIENCE)
      .setSubject(claims.sub)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(expiresAt / 1000)
      .sign(key);
    c.header('cache-control', 'no-store');
    return c.json({ token, expiresAt: iso(expiresAt)!, ...(typeof claims.name === 'string' ? { name: claims.name } : {}) }, 200);
  });

  routes.openapi(listRoute, async (c) => {
    const token = c.req.valid('header')[CITIZEN_SESSION_HEADER];
    if (!token) throw unauthenticated(`Sign in and send the session in the ${CITIZEN_SESSION_HEADER} header.`);
    let idNumber: string;
    try {
      const { payload } = await jwtVerify(token, key, { issuer: 'lien-thong', audience: AUDIENCE, algorithms: ['HS256'], currentDate: new Date(deps.clock.now()) });
      if (typeof payload.idn !== 'string') throw new Error('no idn');
      idNumber = payload.idn;
    } catch (error) {
      throw unauthenticated(error instanceof errors.JWTExpired ? 'The session has expired; sign in again.' : 'The session is not valid; sign in again.', error);
    }
    const page = await deps.stores.dossiers.listSummaries({ applicantIdNumber: idNumber }, { offset: 0, limit: MAX_LISTED });
    const names = new Map<string, string>();
    const items = [];
    for (const dossier of page.items) {
      const version = `${dossier.procedureKey}@${dossier.procedureVersion}`;
      if (!names.has(version)) names.set(version, (await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion))?.name ?? dossier.procedureKey);
      items.push({
        dossierCode: dossier.dossierCode,
        procedureName: names.get(version)!,
        status: dossier.status,
        statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
        receivedAt: iso(dossier.receivedAt ?? dossier.submittedAt),
        appointmentAt: iso(dossier.appointmentAt),
        finishedAt: iso(dossier.finishedAt),
      });
    }
    c.header('cache-control', 'no-store');
    return c.json({ items, total: page.total }, 200);
  });

  return routes;
}
