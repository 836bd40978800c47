/**
 * @module submission-routes — `POST /api/submissions`: online submission by a citizen without an account (Decree
 * 45/2020/NĐ-CP), status 1 with a dossier code to look it up by, and a short-lived token for that dossier alone with
 * which the citizen uploads its components (citizen-routes.ts); rate-limited per client address, since anyone may
 * call it.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { clientAddress, type TrustProxy } from '../http/client-address';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { rateLimit } from '../http/rate-limit';
import type { RateLimiter } from '../http/rate-limiter';
import type { CitizenTokens } from '../citizen/citizen-tokens';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { submitDossier } from '../dossiers/receive-dossier';
import { jsonBody, NewDossierSchema, problem } from './route-schemas';

const submitRoute = createRoute({
  method: 'post',
  path: '/',
  request: jsonBody(NewDossierSchema.extend({ agencyId: z.string().min(1).max(64).optional() })),
  responses: {
    201: {
      description: 'Submitted (status 1): keep the dossier code to look the dossier up',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            dossierCode: z.string(),
            status: z.number(),
            submittedAt: z.string(),
            citizenToken: z
              .object({ token: z.string(), dossierId: z.string(), expiresAt: z.string() })
              .optional()
              .describe('Uploads the components of this dossier while it is in status 1 (header X-Citizen-Token)'),
          }),
        },
      },
    },
    400: problem('Malformed submission or an e-form that does not match the procedure'),
    404: problem('No such procedure'),
    409: problem('The procedure is retired and takes no new dossier (PROCEDURE_RETIRED)'),
    429: problem('Too many submissions from this address'),
  },
});

export function createSubmissionRoutes(deps: DossierDeps & { limiter: RateLimiter; trustProxy?: TrustProxy; citizenTokens?: CitizenTokens }): OpenAPIHono {
  const routes = createApiRouter();
  routes.use('/', rateLimit({ limiter: deps.limiter, keyOf: (c) => `submission:${clientAddress(c, { trustProxy: deps.trustProxy })}` }));
  routes.openapi(submitRoute, async (c) => {
    const body = c.req.valid('json');
    const procedure = await deps.stores.procedures.latest(body.procedureKey);
    // Online dossiers go to the procedure's lead agency unless the citizen chose the receiving agency.
    const agencyId = body.agencyId ?? procedure?.definition.procedure?.leadAgencyId;
    if (!agencyId) throw new HttpProblem({ status: 400, code: 'AGENCY_REQUIRED', title: 'Which agency receives the dossier?', detail: 'The procedure names no lead agency: give agencyId.' });
    const dossier = await submitDossier(deps, { ...body, agencyId }, { id: `citizen:${body.applicant.idNumber}`, name: body.applicant.name });
    const citizenToken = deps.citizenTokens ? await deps.citizenTokens.issue(dossier) : undefined;
    return c.json({ id: dossier.id, dossierCode: dossier.dossierCode, status: dossier.status, submittedAt: new Date(dossier.submittedAt ?? dossier.createdAt).toISOString(), citizenToken }, 201);
  });
  return routes;
}
