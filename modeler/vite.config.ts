/** Vite build of the browser front end; the server serves modeler/dist. Builds offline: every asset is bundled. */
import type { UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// A plain object rather than `defineConfig` from 'vite': eslint-plugin-import-x's resolver crashes on the vite package.
const config: UserConfig = {
  root,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
};

export default config;
