/** @module csvButton — "Tải CSV" for one dashboard table: the server's own CSV (`format=csv`) of the same query, saved as a file. */
import { t } from '../../i18n/locale';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { statsApi } from '../common/stats-api';
import type { Query } from '../common/workspace-api';

export function csvButton(table: string, query: () => Query, filename: string | (() => string), status: HTMLElement): HTMLElement {
  return element('button', {
    className: 'lt-button ws-csv',
    text: t('ws.dash.csv'),
    attrs: { type: 'button' },
    dataset: { table },
    on: {
      click: () =>
        void statsApi
          .csv(table, query())
          .then((blob) => {
            const url = URL.createObjectURL(blob);
            const link = element('a', { attrs: { href: url, download: `${typeof filename === 'function' ? filename() : filename}.csv` } });
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          })
          .catch((error: unknown) => status.replaceChildren(errorNote(error))),
    },
  });
}
