/**
 * @module drillDown — what lies behind a figure: the open steps overdue and nearly due in the chosen scope (where
 * dossiers are stuck, and who is late), and the dossiers counted overdue in the period; each opens its dossier page.
 */
import { t } from '../../i18n/locale';
import type { AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { statsApi } from '../common/stats-api';
import type { Query } from '../common/workspace-api';
import { csvButton } from './csv-button';
import { dashboardText } from './dashboard-text';
import { dossierList, stepList } from './stats-tables';

export async function renderDrillDown(title: string, scope: Query, names: AgencyNames, status: HTMLElement): Promise<HTMLElement> {
  const unitName = (agencyId?: string, departmentId?: string) => [names.agency(agencyId), names.department(departmentId)].filter(Boolean).join(' — ');
  const panel = element('div', { className: 'ws-drill-panel' }, element('h4', { className: 'ws-drill-title', text: t('ws.dash.drillTitle', { label: title }) }));
  try {
    const [overdue, nearlyDue, finishedLate, inProcessLate] = await Promise.all([
      statsApi.steps({ ...scope, mark: 'overdue' }),
      statsApi.steps({ ...scope, mark: 'nearlyDue' }),
      statsApi.dossiers({ ...scope, classification: 'overdue' }),
      statsApi.dossiers({ ...scope, classification: 'inProcessOverdue' }),
    ]);
    const part = (key: 'ws.dash.overdueStepsList' | 'ws.dash.nearlyDueStepsList' | 'ws.dash.inProcessOverdueList' | 'ws.dash.finishedOverdueList', total: number, table: HTMLElement, csv: HTMLElement) =>
      element('div', { className: 'ws-drill-part' }, element('div', { className: 'ws-card-head' }, element('h5', { text: t(key, { count: total }) }), csv), table);
    panel.append(
      part('ws.dash.overdueStepsList', overdue.total, stepList(overdue.items, unitName), csvButton('steps', () => ({ ...scope, mark: 'overdue' }), 'buoc-qua-han', status)),
      part('ws.dash.nearlyDueStepsList', nearlyDue.total, stepList(nearlyDue.items, unitName), csvButton('steps', () => ({ ...scope, mark: 'nearlyDue' }), 'buoc-sap-den-han', status)),
      part('ws.dash.inProcessOverdueList', inProcessLate.total, dossierList(inProcessLate.items), csvButton('dossiers', () => ({ ...scope, classification: 'inProcessOverdue' }), 'ho-so-dang-xu-ly-qua-han', status)),
      part('ws.dash.finishedOverdueList', finishedLate.total, dossierList(finishedLate.items), csvButton('dossiers', () => ({ ...scope, classification: 'overdue' }), 'ho-so-hoan-thanh-qua-han', status)),
    );
  } catch (error) {
    panel.append(errorNote(error));
  }
  return panel;
}

/** The open steps nobody can see in the scope (their unit has no enabled official or head of unit), each opening its dossier. */
export async function renderOrphanedSteps(scope: Query, names: AgencyNames, status: HTMLElement): Promise<HTMLElement> {
  const unitName = (agencyId?: string, departmentId?: string) => [names.agency(agencyId), names.department(departmentId)].filter(Boolean).join(' — ');
  const panel = element('div', { className: 'ws-drill-panel ws-drill-orphaned' });
  try {
    const orphaned = await statsApi.steps({ ...scope, mark: 'orphaned', limit: 1000 });
    panel.append(element('div', { className: 'ws-drill-part' },
      element('div', { className: 'ws-card-head' }, element('h5', { text: dashboardText('orphanedList', { count: orphaned.total }) }), csvButton('steps', () => ({ ...scope, mark: 'orphaned' }), 'buoc-khong-ai-thay', status)),
      stepList(orphaned.items, unitName),
    ));
  } catch (error) {
    panel.append(errorNote(error));
  }
  return panel;
}
