/**
 * The authorization matrix the server must keep (server issue "People and access"): for every operation of
 * `/api/openapi.json`, for each role, the status class on a resource of the principal's own agency and on one of
 * another agency. Written from the policy (`server/src/access/authorize.ts`) and the issue, not from the server's
 * answers: a changed cell is a changed policy, to be decided on purpose. A new operation needs a row here.
 *
 * The principals: administrator `admin` and analyst `analyst` (province), official `official.hotich` (commune,
 * civil-status department), head of unit `head.xa` (the whole commune), supervisor `supervisor.xa` (commune, commune
 * police, social insurance). "own" is the commune's resource, "other" the one-stop centre's (`ttpvhcc`).
 */
export const ROLES = ['anonymous', 'administrator', 'analyst', 'official', 'headOfUnit', 'supervisor'] as const;
export type MatrixRole = (typeof ROLES)[number];
/** `2xx`, or the exact 4xx status. */
export type StatusClass = '2xx' | '400' | '401' | '403' | '404' | '409' | '413' | '415' | '422' | '429';
export type MatrixRow = Record<MatrixRole, { own: StatusClass; other: StatusClass }>;

export const EXPECTED_MATRIX: Record<string, MatrixRow> = {
  // public: anyone signs in with their own credentials (anonymous: as official.hotich)
  'POST /api/auth/sign-in': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // every signed-in user reads their own account
  'GET /api/auth/me': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // every signed-in user signs out (ending all their sessions)
  'POST /api/auth/sign-out': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // public: which ways to sign in are open
  'GET /api/auth/methods': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // public: anyone starts the province's single sign-on
  'POST /api/auth/oidc/start': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // public: whoever holds a callback of a sign-in this server started finishes it (as the provider's person: official.hotich)
  'POST /api/auth/oidc/callback': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // every signed-in user changes their own password
  'POST /api/auth/password': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // user.manage
  'GET /api/users': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // user.manage
  'POST /api/users': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // user.manage
  'PATCH /api/users/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // agency names are public to signed-in users
  'GET /api/agencies': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // agency.manage
  'PUT /api/agencies/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // POST under /api/procedures is procedure.deploy
  'POST /api/procedures/validate': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.deploy
  'POST /api/procedures': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.retire: an analyst or an administrator retires a procedure with a reason, or restores it (issue 18)
  'PUT /api/procedures/{key}/retirement': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'DELETE /api/procedures/{key}/retirement': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.read
  'GET /api/procedures': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // procedure.read
  'GET /api/procedures/{key}/versions': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // simulation.run: a what-if on a deployed procedure, aggregate figures only (issue 19)
  'POST /api/simulation/runs': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // simulation.run: the measured step durations (the heatmap's p50/p90, CSV) and the dashboard's forecast (issue 19)
  'GET /api/simulation/durations': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  'POST /api/simulation/forecasts': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // incident.read: counts per element, no dossier data (a supervisor's counts are of their scope)
  'GET /api/procedures/{key}/incidents': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // procedure.read
  'GET /api/procedures/{key}/versions/{version}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // procedure.deploy: the signed-in analyst's own drafts
  'GET /api/drafts': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.deploy, and only the analyst who saved the draft ("other": another analyst's)
  'GET /api/drafts/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.deploy, and only the analyst who saved the draft ("other": another analyst's)
  'PUT /api/drafts/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // procedure.deploy, and only the analyst who saved the draft ("other": another analyst's)
  'DELETE /api/drafts/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '2xx', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.receive, always at the principal's own agency
  'POST /api/dossiers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.read, narrowed to what is readable
  'GET /api/dossiers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // dossier.read
  'GET /api/dossiers/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.read
  'GET /api/dossiers/{id}/progress': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.read
  'GET /api/dossiers/{id}/audit': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.receive at the receiving agency
  'POST /api/dossiers/{id}/accept': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.receive at the receiving agency
  'POST /api/dossiers/{id}/refuse': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/withdraw': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/stop': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/finish': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.receive at the receiving agency
  'POST /api/dossiers/{id}/return-result': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/reappointments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act on the step
  'POST /api/dossiers/{id}/supplement-requests': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/supplements': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/fee-requests': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // routed to the unit and step.act
  'POST /api/dossiers/{id}/fee-payments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.read
  'GET /api/dossiers/{id}/forms/{form}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  'GET /api/dossiers/{id}/forms/{form}/pdf': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // step.act on the dossier: those who act on it sign its forms (issue 20)
  'POST /api/dossiers/{id}/forms/{form}/signed-pdf': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.read: the dossier's result drawn for reading before it is signed (issue 20)
  'GET /api/dossiers/{id}/result/pdf': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // step.act on the dossier: those who act on it sign its result
  'POST /api/dossiers/{id}/result': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // step.act: an official's own signing certificate
  'PUT /api/signing-certificates/mine': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '403', other: '403' },
  },
  'GET /api/signing-certificates/mine': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.read of the agency: form 06, its dossier tracking book
  'GET /api/agencies/{id}/tracking-book': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  'GET /api/agencies/{id}/tracking-book/pdf': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.read roles verify a signed PDF
  'POST /api/signatures/verify': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // the national portal's signature only (X-Portal-Signature of a configured credential): no session grants it
  'POST /api/national-portal/dossiers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // public: citizens submit without an account
  'POST /api/submissions': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // step.act on the principal's own unit
  'GET /api/inbox': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '403', other: '403' },
  },
  // step.act
  'POST /api/steps/{id}/claim': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // step.act
  'POST /api/steps/{id}/complete': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // step.act
  'POST /api/steps/{id}/return': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // step.reassign: heads of unit within their unit
  'POST /api/steps/{id}/reassign': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // calendar.manage
  'GET /api/calendars': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // calendar.manage
  'PUT /api/calendars/{scope}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // audit.read: the audit of administration, read by administrators only (issue 18)
  'GET /api/audit': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'GET /api/audit/export': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // outbox.read: the dashboard's roles see each consumer's backlog and the alert (issue 20)
  'GET /api/outbox/consumers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // outbox.manage: administrators list deliveries, replay or skip one
  'GET /api/outbox/deliveries': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'POST /api/outbox/replay': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'POST /api/outbox/skip': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // public: citizens sign in with their electronic identity (not configured in this matrix: 404 for all)
  // public: whether the citizens' sign-in is open here (false in this matrix)
  'GET /api/citizen/sign-in/methods': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  'POST /api/citizen/sign-in/start': {
    anonymous: { own: '404', other: '404' },
    administrator: { own: '404', other: '404' },
    analyst: { own: '404', other: '404' },
    official: { own: '404', other: '404' },
    headOfUnit: { own: '404', other: '404' },
    supervisor: { own: '404', other: '404' },
  },
  'POST /api/citizen/sign-in/callback': {
    anonymous: { own: '404', other: '404' },
    administrator: { own: '404', other: '404' },
    analyst: { own: '404', other: '404' },
    official: { own: '404', other: '404' },
    headOfUnit: { own: '404', other: '404' },
    supervisor: { own: '404', other: '404' },
  },
  // public gate, but the list needs a citizen session (X-Citizen-Session): a staff session is no citizen's
  'GET /api/citizen/my-dossiers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // retention.manage: retention of closed dossiers, by administrators only (issue 18 item 6)
  'GET /api/retention': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'PUT /api/retention/policies/{key}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  'POST /api/retention/runs': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '403', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // public: the citizen lookup by code and ID number
  'GET /api/lookup': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // public with the code and ID number, as the lookup: the seeded dossiers have no result yet, so 404 for everyone
  'GET /api/lookup/result': {
    anonymous: { own: '404', other: '404' },
    administrator: { own: '404', other: '404' },
    analyst: { own: '404', other: '404' },
    official: { own: '404', other: '404' },
    headOfUnit: { own: '404', other: '404' },
    supervisor: { own: '404', other: '404' },
  },
  // the dossier's citizen token (X-Citizen-Token) only: no session grants it, whatever its role
  'POST /api/citizen/dossiers/{id}/attachments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // the dossier's citizen token (X-Citizen-Token) only: no session grants it, whatever its role
  'GET /api/citizen/dossiers/{id}/attachments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // the lookup's notifications token (X-Citizen-Token) only: no session grants it, whatever its role
  'GET /api/citizen/notifications': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // the lookup's notifications token (X-Citizen-Token) only: no session grants it, whatever its role
  'PUT /api/citizen/notifications': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // public, proved by Zalo's signature; the matrix's server configures no Zalo channel, so every caller gets 404
  'POST /api/message-receipts/zns': {
    anonymous: { own: '404', other: '404' },
    administrator: { own: '404', other: '404' },
    analyst: { own: '404', other: '404' },
    official: { own: '404', other: '404' },
    headOfUnit: { own: '404', other: '404' },
    supervisor: { own: '404', other: '404' },
  },
  // public, proved by the gateway's signature; no SMS channel is configured here either
  'POST /api/message-receipts/sms': {
    anonymous: { own: '404', other: '404' },
    administrator: { own: '404', other: '404' },
    analyst: { own: '404', other: '404' },
    official: { own: '404', other: '404' },
    headOfUnit: { own: '404', other: '404' },
    supervisor: { own: '404', other: '404' },
  },
  // dossier.read: the dossier's messages to the citizen, as its audit
  'GET /api/dossiers/{id}/messages': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // the dossier's citizen token (X-Citizen-Token) only: no session grants it, whatever its role
  'POST /api/citizen/dossiers/{id}/supplements': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '401', other: '401' },
    analyst: { own: '401', other: '401' },
    official: { own: '401', other: '401' },
    headOfUnit: { own: '401', other: '401' },
    supervisor: { own: '401', other: '401' },
  },
  // public: the procedure catalogue (current versions, e-form schema, required components; no dossier data)
  'GET /api/catalogue': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // public: one procedure of the catalogue
  'GET /api/catalogue/{key}': {
    anonymous: { own: '2xx', other: '2xx' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // dossier.read and an official or head of unit
  'POST /api/dossiers/{id}/attachments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '403', other: '403' },
  },
  // dossier.read
  'GET /api/dossiers/{id}/attachments': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.read of the attachment's dossier: its signatures checked now
  'GET /api/attachments/{id}/signatures': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // dossier.read of the attachment's dossier
  'GET /api/attachments/{id}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '403', other: '403' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/summary': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/breakdown': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/trend': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/delays': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/steps': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // stats.read within scope
  'GET /api/stats/dossiers': {
    anonymous: { own: '401', other: '401' },
    // administrators read the whole province's statistics (policy: stats.read)
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '403', other: '403' },
    headOfUnit: { own: '2xx', other: '403' },
    supervisor: { own: '2xx', other: '403' },
  },
  // counts, narrowed to what the asker may see
  'GET /api/heatmap/{key}/versions/{version}': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // steps, narrowed to what the asker may see; administrators see the province (as in the statistics), analysts only counts
  'GET /api/heatmap/{key}/versions/{version}/elements/{elementId}/dossiers': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '403', other: '403' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
  // heatmap change events (counts only)
  'GET /api/events': {
    anonymous: { own: '401', other: '401' },
    administrator: { own: '2xx', other: '2xx' },
    analyst: { own: '2xx', other: '2xx' },
    official: { own: '2xx', other: '2xx' },
    headOfUnit: { own: '2xx', other: '2xx' },
    supervisor: { own: '2xx', other: '2xx' },
  },
};
