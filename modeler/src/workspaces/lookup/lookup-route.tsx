/**
 * @module lookupRoute — `/lookup` as a route of the shell: the citizen's lookup and online supplement (lookup-page.tsx),
 * and under it `/lookup/payment-return`, where the payment gateway sends the citizen back (payment-return-page.tsx).
 */
import { mountComponent } from '../../ui/mount-component';
import { LookupPage } from './lookup-page';
import { PaymentReturnPage } from './payment-return-page';

export const mountLookupRoute = mountComponent(() => (location.pathname === '/lookup/payment-return' ? <PaymentReturnPage /> : <LookupPage />));
