/**
 * @module mountComponent — a preact page as a route of the shell: the route table mounts views into the main area
 * and calls back to unmount them; preact's `render` does both, so every component page is one line in the table.
 */
import { render, type ComponentChild } from 'preact';
import type { MountView } from '../shell/route-table';

export function mountComponent(page: () => ComponentChild): MountView {
  return (container) => {
    render(page(), container);
    return () => render(null, container);
  };
}
