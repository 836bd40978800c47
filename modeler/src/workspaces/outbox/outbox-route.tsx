/** @module outboxRoute — `/outbox` as a route of the shell: the outbox console (outbox-page.tsx) behind the sign-in. */
import '../workspaces.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { OutboxPage } from './outbox-page';

export const mountOutboxRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page';
  container.append(page);
  return mountSignedIn(page, (body) => {
    render(<OutboxPage />, body);
    return () => render(null, body);
  });
};
