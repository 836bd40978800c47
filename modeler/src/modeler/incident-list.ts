/**
 * @module incidentList — under a deployed version's banner, the incidents its dossiers raised (issue 14: an
 * expression over its FEEL budget is an incident the analyst sees): per element, named as on the diagram, the code
 * in words, the latest message, how many dossiers and when last seen. Clicking an incident shows its element.
 */
import { currentLocale, t, type MessageKey } from '../i18n/locale';
import type { ProcedureIncident } from '../api/api-client';

/** Incident codes worded for people; other codes are shown as they are. */
const CODE_LABELS: Record<string, MessageKey> = {
  EXPRESSION_BUDGET_EXCEEDED: 'incidents.code.budget',
  EXPRESSION_FAILED: 'incidents.code.failed',
};

export interface IncidentList {
  show(incidents: ProcedureIncident[], nameOf: (elementId: string) => string): void;
  hide(): void;
}

export function createIncidentList(host: HTMLElement, onPick: (elementId: string) => void): IncidentList {
  host.className = 'incident-list';
  host.hidden = true;
  return {
    hide: () => {
      host.hidden = true;
      host.replaceChildren();
    },
    show: (incidents, nameOf) => {
      const heading = document.createElement('h3');
      heading.textContent = incidents.length === 0 ? t('incidents.none') : t('incidents.count', { count: incidents.length });
      const list = document.createElement('ul');
      const when = new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
      list.append(
        ...incidents.map((incident) => {
          const item = document.createElement('li');
          item.className = 'incident';
          item.dataset.elementId = incident.elementId;
          item.dataset.code = incident.code;
          const where = document.createElement('button');
          where.type = 'button';
          where.className = 'incident-element';
          where.textContent = nameOf(incident.elementId);
          where.addEventListener('click', () => onPick(incident.elementId));
          const code = document.createElement('strong');
          code.className = 'incident-code';
          code.textContent = CODE_LABELS[incident.code] ? t(CODE_LABELS[incident.code]!) : incident.code;
          code.title = incident.code;
          const counts = document.createElement('span');
          counts.className = 'incident-counts';
          counts.textContent = t('incidents.counts', { dossiers: incident.dossiers, open: incident.openDossiers, at: when.format(new Date(incident.lastSeenAt)) });
          const message = document.createElement('span');
          message.className = 'incident-message';
          message.textContent = incident.message;
          item.append(where, code, counts, message);
          return item;
        }),
      );
      host.replaceChildren(heading, list);
      host.hidden = false;
    },
  };
}
