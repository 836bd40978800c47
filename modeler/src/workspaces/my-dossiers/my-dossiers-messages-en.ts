/** @module myDossiersMessagesEn — "My dossiers" in English. */
export const myDossiersMessagesEn = {
  'nav.myDossiers': 'My dossiers',
  'my.title': 'My dossiers',
  'my.intro': 'Sign in with your electronic identity (VNeID) to see every dossier you applied for, by your personal ID number.',
  'my.signIn': 'Sign in with VNeID',
  'my.finishing': 'Finishing the sign-in…',
  'my.signedIn': 'Hello {name}.',
  'my.signOut': 'Sign out',
  'my.empty': 'No dossier carries your ID number yet.',
  'my.count': '{total} dossiers',
  'my.received': 'Submitted',
  'my.appointment': 'Appointment',
  'my.finished': 'Finished',
  'my.lookup': 'Details',
} as const;
