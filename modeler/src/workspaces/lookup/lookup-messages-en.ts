/** @module lookupMessagesEn — the tracking page's message choice in English. */
import type { lookupMessagesVi } from './lookup-messages-vi';

export const lookupMessagesEn: Record<keyof typeof lookupMessagesVi, string> = {
  'lookup.notify.title': 'Messages about this dossier',
  'lookup.notify.phone': 'Messages about this dossier go to {phone}.',
  'lookup.notify.noPhone': 'The dossier has no mobile number, so no messages are sent.',
  'lookup.notify.zns': 'Zalo messages',
  'lookup.notify.sms': 'SMS messages',
  'lookup.notify.on': 'On',
  'lookup.notify.off': 'Off',
  'lookup.notify.hint': 'When a channel is off, nothing about this dossier is sent through it. You can turn it back on at any time.',
  'lookup.notify.saved': 'Your choice is saved.',
  'lookup.notify.expired': 'The lookup has expired. Look the dossier up again to change your choice.',
};
