/**
 * @module collectPageStrings — what a person can read on a page: visible text, and the `title`, `aria-label`,
 * `placeholder` and `alt` attributes (tooltips, screen readers, empty fields) of every element, each with the element
 * it belongs to. Left out: code shown as code (monaco editors, `code`, `pre`, `.ws-code`), text marked as another
 * language (`lang="en"`: "English" on the language switch), and the bpmn.io watermark, which the bpmn-js licence asks
 * to keep as it is.
 */
import type { Page } from 'playwright-core';

export interface PageString {
  /** A CSS-like path of the element: `button.lt-button[data-action="create.user-task"]`. */
  element: string;
  /** `text` or the attribute's name. */
  kind: string;
  text: string;
}

export const SKIPPED = '.monaco-editor, code, pre, .ws-code, script, style, .bjs-powered-by, .bjs-powered-by-lightbox';

export function collectPageStrings(page: Page): Promise<PageString[]> {
  return page.evaluate((skipped) => {
    const found: { element: string; kind: string; text: string }[] = [];
    const name = (element: Element) => {
      const classes = [...element.classList].slice(0, 2).map((item) => `.${item}`).join('');
      const data = ['data-action', 'data-element-id', 'data-group-id', 'data-id', 'name']
        .filter((attribute) => element.hasAttribute(attribute))
        .map((attribute) => `[${attribute}="${element.getAttribute(attribute)}"]`)
        .join('');
      return `${element.tagName.toLowerCase()}${classes}${data}`;
    };
    const path = (element: Element) => {
      const parts: string[] = [];
      for (let at: Element | null = element; at && at !== document.body && parts.length < 3; at = at.parentElement) parts.unshift(name(at));
      return parts.join(' > ');
    };
    const pageLanguage = document.documentElement.lang;
    const left = (element: Element) => {
      const marked = element.closest('[lang]');
      return element.closest(skipped) !== null || (marked !== null && marked !== document.documentElement && (marked as HTMLElement).lang !== pageLanguage);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || left(parent)) continue;
      // An <option> shows when its list opens; anything else counts when it is drawn.
      if (parent.tagName !== 'OPTION' && !parent.checkVisibility({ visibilityProperty: true })) continue;
      found.push({ element: path(parent), kind: 'text', text });
    }
    for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (left(element)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) found.push({ element: path(element), kind: attribute, text });
      }
    }
    return found;
  }, SKIPPED);
}
