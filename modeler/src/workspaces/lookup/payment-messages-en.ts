/** @module paymentMessagesEn — online fees on the citizen's pages, in English. */
import type { paymentMessagesVi } from './payment-messages-vi';

export const paymentMessagesEn: Record<keyof typeof paymentMessagesVi, string> = {
  'payment.title': 'Fees to pay',
  'payment.amount': 'Amount',
  'payment.reason': 'For',
  'payment.pay': 'Pay online',
  'payment.redirecting': 'Going to the payment gateway…',
  'payment.via': 'You will be taken to the {gateway} payment gateway, then back here once you have paid.',
  'payment.waiting': 'A payment is waiting for the gateway\'s confirmation. If you have paid, the dossier continues once the gateway confirms it.',
  'payment.failedStart': 'The payment could not be started: {reason}',
  'payment.expired': 'Your lookup has expired. Please look the dossier up again to pay.',
  'payment.return.title': 'Online payment result',
  'payment.return.checking': 'Checking the payment…',
  'payment.return.paid': 'Your fee is paid. The dossier continues.',
  'payment.return.pending': 'The gateway has not confirmed the payment yet. The dossier continues as soon as it does; do not pay again.',
  'payment.return.failed': 'The payment did not go through; nothing was taken. You can look the dossier up and pay again.',
  'payment.return.refund': 'The payment came after the dossier stopped waiting for it, so it is refunded to you.',
  'payment.return.invalid': 'This payment result is not valid (it does not carry the gateway\'s signature). The dossier is unchanged.',
  'payment.return.mismatch': 'This payment result does not match the dossier\'s fee. The dossier is unchanged; please contact the one-stop counter.',
  'payment.return.error': 'The payment could not be checked. Please look the dossier up to see its status.',
  'payment.return.dossier': 'Dossier code',
  'payment.return.transaction': 'Transaction number',
  'payment.return.back': 'See the dossier',
};
