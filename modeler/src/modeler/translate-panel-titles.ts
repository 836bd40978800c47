/**
 * @module translatePanelTitles — the tooltips @bpmn-io/properties-panel writes with its built-in English fallback
 * instead of the `translate` service ("Toggle section", "Section contains edits", "Open pop-up editor": its groups and
 * entries are rendered without the service unless each caller passes it), put through our translate as they appear.
 */
import { currentLocale } from '../i18n/locale';
import { bpmnJsVi } from '../i18n/bpmn-js-vi';

/** Watches `host` (the properties panel's parent) until the returned function is called. */
export function translatePanelTitles(host: HTMLElement): () => void {
  const translateTitle = (element: Element) => {
    const title = element.getAttribute('title');
    const translated = title === null ? undefined : bpmnJsVi[title];
    if (translated !== undefined) element.setAttribute('title', translated);
  };
  const translateAll = (root: Element) => {
    if (root.hasAttribute('title')) translateTitle(root);
    for (const element of root.querySelectorAll('[title]')) translateTitle(element);
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') translateTitle(mutation.target as Element);
      for (const node of mutation.addedNodes) if (node instanceof Element) translateAll(node);
    }
  });
  if (currentLocale() === 'vi') {
    translateAll(host);
    observer.observe(host, { subtree: true, childList: true, attributes: true, attributeFilter: ['title'] });
  }
  return () => observer.disconnect();
}
