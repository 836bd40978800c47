/** @module myDossiersRoute — `/my-dossiers` as a route of the shell: a citizen's own dossiers (my-dossiers-page.tsx), no staff sign-in. */
import '../workspaces.css';
import { mountComponent } from '../../ui/mount-component';
import { MyDossiersPage } from './my-dossiers-page';

export const mountMyDossiersRoute = mountComponent(() => <MyDossiersPage />);
