/**
 * Vite build of the browser front end; the server serves modeler/dist. Builds offline: every asset is bundled.
 * Pages are preact components (TSX); libraries written for React (the JSON-Schema form renderer @rjsf/core) run on
 * preact/compat through the aliases below, so one small component layer serves the whole front end.
 */
import type { UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// A plain object rather than `defineConfig` from 'vite': eslint-plugin-import-x's resolver crashes on the vite package.
const config: UserConfig = {
  root,
  base: '/',
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
};

export default config;
