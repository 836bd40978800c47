/** @module auditRoute — `/audit` as a route of the shell: the audit of administration (audit-page.tsx) behind the sign-in. */
import '../workspaces.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { AuditPage } from './audit-page';

export const mountAuditRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page';
  container.append(page);
  return mountSignedIn(page, (body) => {
    render(<AuditPage />, body);
    return () => render(null, body);
  });
};
