/**
 * @module calendarRoute — the `/calendars` route: the calendar administration page for a signed-in administrator
 * (sign-in gate of the workspaces), a preact component mounted into the page section.
 */
import '../workspaces.css';
import './calendars.css';
import { render } from 'preact';
import type { MountView } from '../../shell/route-table';
import { mountSignedIn } from '../common/sign-in-gate';
import { CalendarPage } from './calendar-page';

export const mountCalendarRoute: MountView = (container) => {
  const page = document.createElement('section');
  page.className = 'ws-page calendars';
  container.append(page);
  return mountSignedIn(page, (body, user) => {
    render(<CalendarPage user={user} />, body);
    return () => render(null, body);
  });
};
