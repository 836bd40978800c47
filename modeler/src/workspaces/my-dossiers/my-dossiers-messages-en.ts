/** @module myDossiersMessagesEn — "My dossiers" in English. */
export const myDossiersMessagesEn = {
  'nav.myDossiers': 'My dossiers',
  'my.title': 'My dossiers',
  'my.intro': 'Sign in with your electronic identity (VNeID) to see every dossier you applied for, by your personal ID number.',
  'my.closed': 'Signing in with your electronic identity (VNeID) is not open on this province’s system yet. You can still look up each dossier by its code and your personal ID number, as printed on the receipt.',
  'my.toLookup': 'Look up a dossier',
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
