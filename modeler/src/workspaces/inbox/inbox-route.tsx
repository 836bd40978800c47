/**
 * @module inboxRoute — the `/inbox` route: the official's inbox, and under `/inbox/dossiers/{id}` the dossier page it
 * opens (one route, so the navigation keeps "Hồ sơ cần xử lý" highlighted while a dossier is open). Both are preact
 * pages behind the workspaces' sign-in; the dossier page (with bpmn-js) is loaded on first visit.
 */
import '../workspaces.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { InboxPage } from './inbox-page';

export const mountInboxRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page off-page';
  container.append(page);
  const match = /^\/inbox\/dossiers\/([^/]+)$/.exec(location.pathname);
  return mountSignedIn(page, (body, user) => {
    let closed = false;
    if (match) {
      const dossierId = decodeURIComponent(match[1]!);
      void import('../dossier/dossier-page').then(({ DossierPage }) => {
        if (!closed) render(<DossierPage user={user} dossierId={dossierId} />, body);
      });
    } else {
      render(<InboxPage user={user} />, body);
    }
    return () => {
      closed = true;
      render(null, body);
    };
  });
};
