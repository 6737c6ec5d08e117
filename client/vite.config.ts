import { fileURLToPath } from 'node:url';
import viteFastify from '@fastify/vite/plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './build/precompress-plugin.js';

// The client builds twice: a browser bundle that hydrates the pages, and an SSR bundle
// (src/index.tsx) that the server uses to render the very same components to HTML.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [viteFastify({ clientModule: '/src/index.tsx' }), react(), precompressPlugin()],
  // Zod without eval in the browser: see src/zod-without-eval.ts.
  resolve: {
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('src/zod-without-eval.ts', import.meta.url)) }],
  },
  build: {
    // `/assets/` belongs to govuk-frontend's images; our hashed bundles live under `/static/`.
    assetsDir: 'static',
    emptyOutDir: true,
  },
  css: {
    // govuk-frontend keeps one old-browser media hack (`min-width: 0\0`) that lightningcss
    // rejects; recovering drops just that rule.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: { quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
});
