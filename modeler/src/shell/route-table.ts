/**
 * @module routeTable — client-side routes: path → mount function. A view mounts into the main area and returns
 * its own clean-up. Later workspaces (inbox, dashboard, lookup) replace their placeholder here.
 */
import type { MessageKey } from '../i18n/locale';
import { mountPlaceholderView } from './placeholder-view';

/** Mounts a view into `container`; the returned function unmounts it (listeners, editors, workers). */
export type MountView = (container: HTMLElement) => (() => void) | void;

export interface Route {
  path: string;
  /** Navigation label. */
  label: MessageKey;
  /** Loaded on first visit, so the modeler's bpmn-js and monaco are not in the shell's bundle. */
  load: () => Promise<MountView>;
}

export const routeTable: Route[] = [
  { path: '/modeler', label: 'nav.modeler', load: async () => (await import('../modeler/modeler-view')).mountModelerView },
  // Workspaces (inbox with the dossier page under /inbox/dossiers/{id}, heatmap, lookup): modeler/src/workspaces/.
  { path: '/inbox', label: 'nav.inbox', load: async () => (await import('../workspaces/inbox/inbox-route')).mountInboxRoute },
  { path: '/dashboard', label: 'nav.dashboard', load: async () => (await import('../workspaces/dashboard/dashboard-view')).mountDashboardView },
  { path: '/heatmap', label: 'nav.heatmap', load: async () => (await import('../workspaces/heatmap/heatmap-view')).mountHeatmapView },
  { path: '/lookup', label: 'nav.lookup', load: async () => (await import('../workspaces/lookup/lookup-view')).mountLookupView },
];

/** The route for a location path; the modeler is the home page until the other workspaces exist. */
export function findRoute(path: string): Route {
  return routeTable.find((route) => path === route.path || path.startsWith(`${route.path}/`)) ?? routeTable[0]!;
}
