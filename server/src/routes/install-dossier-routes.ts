/**
 * @module install-dossier-routes — mounts the dossier core's route groups on the app: counter receipt and reading
 * (`/api/dossiers`), status changes, forms 01–05, online submissions, the inbox and step actions, calendars (`/api/calendars`, when a calendar store is given).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AgencyStore } from '../access/agency-store';
import type { UserStore } from '../access/user-store';
import type { DossierDeps } from '../dossiers/dossier-deps';
import { RateLimiter } from '../http/rate-limiter';
import type { CalendarStore } from '../calendars/calendar-store';
import type { CitizenTokens } from '../citizen/citizen-tokens';
import { createCalendarRoutes } from './calendar-routes';
import { createDossierActionRoutes } from './dossier-action-routes';
import { createDossierRoutes } from './dossier-routes';
import { createFormRoutes } from './form-routes';
import type { SigningDeps } from '../signatures/signing-deps';
import { createInboxRoutes } from './inbox-routes';
import { createStepRoutes } from './step-routes';
import { createSubmissionRoutes } from './submission-routes';

export interface DossierRouteOptions {
  agencies: AgencyStore;
  /** The user directory: a reassigned step goes only to someone of its unit. */
  users: UserStore;
  /** Online submissions per client address per window; 20 per 10 minutes by default. */
  submissionLimit?: { limit: number; windowMs: number };
  /** Proxies of yours in front of the server, for the per-address submission limit; 0 by default. */
  trustProxyHops?: number;
  calendarStore?: CalendarStore;
  /** Issues the citizen's dossier token with each online submission (citizen/citizen-tokens.ts). */
  citizenTokens?: CitizenTokens;
  /** Ký số of the forms; off when absent. */
  signing?: SigningDeps;
}

export function installDossierRoutes(app: OpenAPIHono, deps: DossierDeps, options: DossierRouteOptions): void {
  const limit = options.submissionLimit ?? { limit: 20, windowMs: 10 * 60_000 };
  app.route('/api/dossiers', createDossierRoutes(deps));
  app.route('/api/dossiers', createDossierActionRoutes(deps));
  app.route('/api/dossiers', createFormRoutes({ ...deps, agencies: options.agencies, ...(options.signing ? { signing: options.signing } : {}) }));
  app.route('/api/submissions', createSubmissionRoutes({ ...deps, limiter: new RateLimiter({ ...limit, clock: deps.clock }), trustProxy: options.trustProxyHops ?? 0, citizenTokens: options.citizenTokens }));
  app.route('/api/inbox', createInboxRoutes(deps));
  app.route('/api/steps', createStepRoutes(deps, { users: options.users }));
  if (options.calendarStore) app.route('/api/calendars', createCalendarRoutes({ ...deps, calendarStore: options.calendarStore }));
}
