/** @module lookupRoute — `/lookup` as a route of the shell: the citizen's lookup and online supplement (lookup-page.tsx). */
import { mountComponent } from '../../ui/mount-component';
import { LookupPage } from './lookup-page';

export const mountLookupRoute = mountComponent(() => <LookupPage />);
