/** @module csvButton — "Tải CSV" for one dashboard table: the server's own CSV (`format=csv`) of the same query, saved as a file. */
import { t } from '../../i18n/locale';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { saveBlob } from '../common/save-blob';
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
          .then((blob) => saveBlob(blob, `${typeof filename === 'function' ? filename() : filename}.csv`))
          .catch((error: unknown) => status.replaceChildren(errorNote(error))),
    },
  });
}
