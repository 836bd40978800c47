/**
 * @module api-access-rules — for every operation of the API, what the access gate checks before the route reads the
 * request: public, any signed-in user, or a role that may attempt the action (`authorize`'s role table), on the
 * dossier or step the path names when it names one. Operations not listed here need a sign-in.
 */
import type { AccessRule } from './access-gate';

export const API_ACCESS_RULES: readonly AccessRule[] = [
  // Public: signing in, the citizen's online submission and lookup, the API description.
  { method: 'POST', path: '/api/auth/sign-in', gate: 'public' },
  { method: 'GET', path: '/api/auth/methods', gate: 'public' },
  { method: 'POST', path: '/api/auth/oidc/start', gate: 'public' },
  { method: 'POST', path: '/api/auth/oidc/callback', gate: 'public' },
  { method: 'POST', path: '/api/submissions', gate: 'public' },
  { method: 'GET', path: '/api/lookup', gate: 'public' },
  { method: 'GET', path: '/api/lookup/result', gate: 'public' },
  { method: 'GET', path: '/api/catalogue', gate: 'public' },
  { method: 'GET', path: '/api/catalogue/{key}', gate: 'public' },
  { method: 'GET', path: '/api/openapi.json', gate: 'public' },
  // The national portal hands over dossiers submitted there: no session, but a configured portal credential's
  // signature, checked before the body is parsed (national-portal/national-portal-gate.ts).
  { method: 'POST', path: '/api/national-portal/dossiers', gate: 'public' },
  // The citizen's own dossier: no session, but the dossier's citizen token (X-Citizen-Token), which the routes check
  // before they read the body (citizen/citizen-routes.ts); a session token grants nothing there.
  { method: 'POST', path: '/api/citizen/dossiers/{id}/attachments', gate: 'public' },
  { method: 'GET', path: '/api/citizen/dossiers/{id}/attachments', gate: 'public' },
  { method: 'POST', path: '/api/citizen/dossiers/{id}/supplements', gate: 'public' },
  // The tracking page's message toggle: the lookup's notifications token, which names its dossier (checked by the routes).
  { method: 'GET', path: '/api/citizen/notifications', gate: 'public' },
  { method: 'PUT', path: '/api/citizen/notifications', gate: 'public' },
  // Delivery receipts of citizen messages come from Zalo and the SMS gateway, each proved by its signature.
  { method: 'POST', path: '/api/message-receipts/zns', gate: 'public' },
  { method: 'POST', path: '/api/message-receipts/sms', gate: 'public' },
  // Online fees (payment-routes.ts, only when a gateway is configured): the citizen's order with the dossier's token;
  // the gateway's return and IPN carry its HMAC, verified before anything is read into the store.
  { method: 'GET', path: '/api/citizen/dossiers/{id}/payments', gate: 'public' },
  { method: 'POST', path: '/api/citizen/dossiers/{id}/payments', gate: 'public' },
  { method: 'GET', path: '/api/payments/return', gate: 'public' },
  { method: 'GET', path: '/api/payments/{gateway}/ipn', gate: 'public' },
  { method: 'GET', path: '/api/dossiers/{id}/payments', gate: 'dossier.read', resource: 'dossier' },
  // The event stream authenticates itself: browsers' EventSource sends the token as ?access_token= (RFC 6750 §2.3).
  { method: 'GET', path: '/api/events', gate: 'public' },

  { method: 'GET', path: '/api/users', gate: 'user.manage' },
  { method: 'POST', path: '/api/users', gate: 'user.manage' },
  { method: 'PATCH', path: '/api/users/{id}', gate: 'user.manage' },
  { method: 'PUT', path: '/api/agencies/{id}', gate: 'agency.manage' },
  { method: 'PUT', path: '/api/calendars/{scope}', gate: 'calendar.manage' },
  // The audit of administration: read only, by administrators (no route writes or removes a record).
  { method: 'GET', path: '/api/audit', gate: 'audit.read' },
  { method: 'GET', path: '/api/audit/export', gate: 'audit.read' },
  // The outbox console: counts and alerts for the dashboard's roles, deliveries and actions for administrators.
  { method: 'GET', path: '/api/outbox/consumers', gate: 'outbox.read' },
  { method: 'GET', path: '/api/outbox/deliveries', gate: 'outbox.manage' },
  { method: 'POST', path: '/api/outbox/replay', gate: 'outbox.manage' },
  { method: 'POST', path: '/api/outbox/skip', gate: 'outbox.manage' },
  // Citizens' own sign-in (VNeID) and their list of dossiers, which checks its own X-Citizen-Session (issue 18).
  { method: 'GET', path: '/api/citizen/sign-in/methods', gate: 'public' },
  { method: 'POST', path: '/api/citizen/sign-in/start', gate: 'public' },
  { method: 'POST', path: '/api/citizen/sign-in/callback', gate: 'public' },
  { method: 'GET', path: '/api/citizen/my-dossiers', gate: 'public' },
  // Retention of closed dossiers: the dry run, the periods and the runs, by administrators (issue 18 item 6).
  { method: 'GET', path: '/api/retention', gate: 'retention.manage' },
  { method: 'PUT', path: '/api/retention/policies/{key}', gate: 'retention.manage' },
  { method: 'POST', path: '/api/retention/runs', gate: 'retention.manage' },

  { method: 'POST', path: '/api/procedures', gate: 'procedure.deploy' },
  { method: 'POST', path: '/api/procedures/validate', gate: 'procedure.deploy' },
  // Retiring a procedure (no new dossier) and restoring it, with the reason in the audit (issue 18).
  { method: 'PUT', path: '/api/procedures/{key}/retirement', gate: 'procedure.retire' },
  { method: 'DELETE', path: '/api/procedures/{key}/retirement', gate: 'procedure.retire' },
  { method: 'GET', path: '/api/procedures/{key}/incidents', gate: 'incident.read' },
  // What-if simulation on a deployed procedure: measured durations, no dossier's data (issue 19).
  { method: 'POST', path: '/api/simulation/runs', gate: 'simulation.run' },
  { method: 'GET', path: '/api/simulation/durations', gate: 'simulation.run' },
  { method: 'POST', path: '/api/simulation/forecasts', gate: 'simulation.run' },
  // Drafts: only roles that design reach them; the routes let each analyst at their own drafts only.
  { method: 'GET', path: '/api/drafts', gate: 'procedure.deploy' },
  { method: 'GET', path: '/api/drafts/{id}', gate: 'procedure.deploy' },
  { method: 'PUT', path: '/api/drafts/{id}', gate: 'procedure.deploy' },
  { method: 'DELETE', path: '/api/drafts/{id}', gate: 'procedure.deploy' },

  { method: 'POST', path: '/api/dossiers', gate: 'dossier.receive' },
  // Intake at the counter: an online submission accepted or refused, the result handed over.
  { method: 'POST', path: '/api/dossiers/{id}/accept', gate: 'dossier.receive', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/refuse', gate: 'dossier.receive', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/return-result', gate: 'dossier.receive', resource: 'dossier' },
  // Acting on a dossier routed to one's unit.
  { method: 'POST', path: '/api/dossiers/{id}/withdraw', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/stop', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/finish', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/reappointments', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/supplement-requests', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/supplements', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/fee-requests', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/fee-payments', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/attachments', gate: 'step.act', resource: 'dossier' },

  { method: 'POST', path: '/api/steps/{id}/claim', gate: 'step.act', resource: 'step' },
  // Ký số (issue 20): those who act on dossiers sign their forms with their own certificate; readers verify.
  { method: 'POST', path: '/api/dossiers/{id}/forms/{form}/signed-pdf', gate: 'step.act', resource: 'dossier' },
  { method: 'POST', path: '/api/dossiers/{id}/result', gate: 'step.act', resource: 'dossier' },
  { method: 'PUT', path: '/api/signing-certificates/mine', gate: 'step.act' },
  { method: 'GET', path: '/api/signing-certificates/mine', gate: 'step.act' },
  { method: 'POST', path: '/api/signatures/verify', gate: 'dossier.read' },
  { method: 'GET', path: '/api/dossiers/{id}/messages', gate: 'dossier.read', resource: 'dossier' },
  { method: 'GET', path: '/api/agencies/{id}/tracking-book', gate: 'dossier.read' },
  { method: 'GET', path: '/api/agencies/{id}/tracking-book/pdf', gate: 'dossier.read' },
  { method: 'POST', path: '/api/steps/{id}/complete', gate: 'step.act', resource: 'step' },
  { method: 'POST', path: '/api/steps/{id}/return', gate: 'step.act', resource: 'step' },
  { method: 'POST', path: '/api/steps/{id}/reassign', gate: 'step.reassign', resource: 'step' },
];
