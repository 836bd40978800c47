/** @module submitRoute — `/submit` as a route of the shell: the citizen's online submission (submit-page.tsx). */
import { mountComponent } from '../../ui/mount-component';
import { SubmitPage } from './submit-page';

export const mountSubmitRoute = mountComponent(() => <SubmitPage />);
