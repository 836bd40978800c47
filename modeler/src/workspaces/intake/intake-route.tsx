/**
 * @module intakeRoute — the `/intake` route: the counter's intake page for a signed-in official (sign-in gate of the
 * workspaces), a preact component mounted into the page section.
 */
import '../workspaces.css';
import './intake.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { IntakePage } from './intake-page';

export const mountIntakeRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page intake';
  container.append(page);
  return mountSignedIn(page, (body, user) => {
    render(<IntakePage user={user} />, body);
    return () => render(null, body);
  });
};
