/**
 * @module inboxRoute — the `/inbox` route: the official's inbox, and under `/inbox/dossiers/{id}` the dossier page it
 * opens (one route, so the navigation keeps "Hồ sơ cần xử lý" highlighted while a dossier is open).
 */
import '../workspaces.css';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';

export const mountInboxRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page';
  container.append(page);
  const match = /^\/inbox\/dossiers\/([^/]+)$/.exec(location.pathname);
  if (match) {
    const dossierId = decodeURIComponent(match[1]!);
    return mountSignedIn(page, (body, user) => {
      let cleanup: (() => void) | undefined;
      void import('../dossier/dossier-view').then(({ renderDossierView }) => {
        cleanup = renderDossierView(body, user, dossierId);
      });
      return () => cleanup?.();
    });
  }
  return mountSignedIn(page, (body, user) => {
    let cleanup: (() => void) | undefined;
    void import('./inbox-view').then(({ renderInboxView }) => {
      cleanup = renderInboxView(body, user);
    });
    return () => cleanup?.();
  });
};
