/** @module modelerMessagesEn — the modeler's reading view, roles, drafts and template gallery, in English. */
import type { modelerMessagesVi } from './modeler-messages-vi';

export const modelerMessagesEn: Record<keyof typeof modelerMessagesVi, string> = {
  'reading.title': 'Properties (read-only)',
  'reading.pick': 'Select a step on the diagram to read its properties.',
  'reading.type': 'Type',
  'reading.name': 'Name',
  'reading.id': 'Element ID',
  'reading.budget': 'Step budget',
  'reading.extendsStatutoryTo': 'May extend the procedure deadline to',
  'reading.agencyShare': "Agency's share of the deadline",
  'reading.nearlyDue': 'Nearly-due warning',
  'reading.nearlyDuePercent': 'when {percent} % of the budget is used',
  'reading.nearlyDueHours': '{hours} working hours before due',
  'reading.rung': 'Escalation rung {n}',
  'reading.rungText': '{hours} working hours overdue: tell {target}',
  'reading.rungReassign': ', reassign',
  'reading.calledElement': 'Called procedure',
  'reading.condition': 'Condition',
  'reading.statutory': 'Statutory deadline',
  'reading.lane': 'Lane',
  'reading.participant': 'Participant',
  'reading.process': 'Process',
  'reading.none': 'none',
  'reading.readerNote': 'Your account may read deployed procedures, not design or deploy them.',
};
