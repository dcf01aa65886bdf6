// @ts-check
// The staff console's build: `npm run build` runs it after the server's swc build, into dist/console,
// which the API serves at /console (apps/api/src/console). No dev server is needed to use it.
import { join } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/console/',
  // Vite 8 compiles TSX itself (oxc): the automatic runtime, no React import in every file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: join(here, '..', '..', 'dist', 'console'),
    emptyOutDir: true,
    // No inline scripts or styles, no data: URLs: the console's CSP allows only files from its own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its hooks "use client" for React Server Components; a browser bundle has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
