/** @module retentionRoute — `/retention` as a route of the shell: retention of closed dossiers (retention-page.tsx) behind the sign-in. */
import '../workspaces.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { RetentionPage } from './retention-page';

export const mountRetentionRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page';
  container.append(page);
  return mountSignedIn(page, (body) => {
    render(<RetentionPage />, body);
    return () => render(null, body);
  });
};
