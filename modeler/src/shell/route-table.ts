/**
 * @module routeTable — client-side routes: path → mount function. A view mounts into the main area and returns
 * its own clean-up. Later workspaces (inbox, dashboard, lookup) replace their placeholder here.
 */
import type { MessageKey } from '../i18n/locale';
import { mountPlaceholderView } from './placeholder-view';

/** Mounts a view into `container`; the returned function unmounts it (listeners, editors, workers). */
export type MountView = (container: HTMLElement) => (() => void) | void;

/** The roles of `/api/auth/me` (server/src/access/role.ts). */
export type Role = 'administrator' | 'analyst' | 'official' | 'headOfUnit' | 'supervisor';

/**
 * Whose navigation shows a route: visitors who are not signed in (`'public'`: citizens), anybody signed in
 * (`'staff'`), or the listed roles. The navigation only; each page and the server check who may see what.
 */
export type Audience = 'public' | 'staff' | readonly Role[];

export interface Route {
  path: string;
  /** Navigation label. */
  label: MessageKey;
  audience: Audience;
  /**
   * Roles that only read here (a head of unit reads deployed procedures, never designs them: issue 16): their navigation
   * shows the route under `label`, and it is never their home page.
   */
  readers?: { roles: readonly Role[]; label: MessageKey };
  /** false: reached from another page's link, not from the navigation (which has room for a few entries only). */
  inNavigation?: false;
  /** Loaded on first visit, so the modeler's bpmn-js and monaco are not in the shell's bundle. */
  load: () => Promise<MountView>;
}

export const routeTable: Route[] = [
  { path: '/modeler', label: 'nav.modeler', audience: ['analyst', 'administrator'], readers: { roles: ['headOfUnit'], label: 'nav.procedures' }, load: async () => (await import('../modeler/modeler-view')).mountModelerView },
  // Workspaces (inbox with the dossier page under /inbox/dossiers/{id}, heatmap, lookup): modeler/src/workspaces/.
  { path: '/inbox', label: 'nav.inbox', audience: ['official', 'headOfUnit', 'supervisor'], load: async () => (await import('../workspaces/inbox/inbox-route')).mountInboxRoute },
  // Intake at the counter (tiếp nhận hồ sơ): procedure → applicant → e-form → components and scans → form 01/02/03.
  { path: '/intake', label: 'nav.intake', audience: ['official', 'headOfUnit'], load: async () => (await import('../workspaces/intake/intake-route')).mountIntakeRoute },
  { path: '/dashboard', label: 'nav.dashboard', audience: ['supervisor', 'headOfUnit', 'administrator'], load: async () => (await import('../workspaces/dashboard/dashboard-view')).mountDashboardView },
  // Working calendars of the province and its agencies (issue 18): administrators mark closures, holidays, make-up days.
  { path: '/calendars', label: 'nav.calendars', audience: ['administrator'], load: async () => (await import('../workspaces/calendars/calendar-route')).mountCalendarRoute },
  // The outbox console (issue 20): deliveries per consumer, replayed or skipped by administrators.
  { path: '/outbox', label: 'nav.outbox', audience: ['administrator'], load: async () => (await import('../workspaces/outbox/outbox-route')).mountOutboxRoute },
  // The audit of administration (issue 18): who changed users, agencies, calendars, procedures; read only.
  { path: '/audit', label: 'nav.audit', audience: ['administrator'], load: async () => (await import('../workspaces/audit/audit-route')).mountAuditRoute },
  // Retention of closed dossiers (issue 18): periods per procedure, the dry run, the explicit run; linked from /audit.
  { path: '/retention', label: 'nav.retention', audience: ['administrator'], inNavigation: false, load: async () => (await import('../workspaces/retention/retention-route')).mountRetentionRoute },
  { path: '/heatmap', label: 'nav.heatmap', audience: 'staff', load: async () => (await import('../workspaces/heatmap/heatmap-view')).mountHeatmapView },
  // The citizen portal (no account): online submission, and the lookup with the online supplement.
  { path: '/submit', label: 'nav.submit', audience: 'public', load: async () => (await import('../workspaces/portal/submit-route')).mountSubmitRoute },
  { path: '/lookup', label: 'nav.lookup', audience: 'public', load: async () => (await import('../workspaces/lookup/lookup-route')).mountLookupRoute },
  // A citizen's own dossiers after signing in with their electronic identity (VNeID, issue 18).
  { path: '/my-dossiers', label: 'nav.myDossiers', audience: 'public', load: async () => (await import('../workspaces/my-dossiers/my-dossiers-route')).mountMyDossiersRoute },
];

/** The route for a location path; undefined for the home page and unknown paths (the shell sends them home). */
export function findRoute(path: string): Route | undefined {
  return routeTable.find((route) => path === route.path || path.startsWith(`${route.path}/`));
}

/** The navigation label `role` sees for `route`: a reader's own where it only reads there. */
export function labelFor(route: Route, role: Role | undefined): MessageKey {
  return role !== undefined && route.readers?.roles.includes(role) ? route.readers.label : route.label;
}

/** Whether the navigation of a visitor (`role` undefined) or of a signed-in `role` shows `route`. */
export function isShownTo(route: Route, role: Role | undefined): boolean {
  if (role !== undefined && route.readers?.roles.includes(role)) return true;
  if (route.audience === 'public') return role === undefined;
  if (route.audience === 'staff') return role !== undefined;
  return role !== undefined && route.audience.includes(role);
}

/**
 * Where `/` leads: a visitor to the citizen portal (submit, else lookup), never to the modeler; signed-in staff to
 * their first workspace.
 */
export function homeRoute(role: Role | undefined): Route | undefined {
  if (role === undefined) return routeTable.find((route) => route.path === '/submit') ?? routeTable.find((route) => isShownTo(route, undefined));
  return routeTable.find((route) => isShownTo(route, role) && !route.readers?.roles.includes(role));
}
