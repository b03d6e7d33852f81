// Builds the web UI (src/web) into dist/web; `atalaya serve` serves it at / and the API at /api.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // vis-timeline (with moment), cytoscape and Plot (with d3) are large by nature: one chunk each.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'timeline', test: /node_modules[\\/](vis-timeline|vis-data|moment)[\\/]/ },
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
            { name: 'plot', test: /node_modules[\\/](@observablehq|d3-[a-z-]+|interval-tree-1d|isoformat|binary-search-bounds)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `vite --config src/web/vite.config.ts` during development: proxy the API of a running `atalaya serve`.
    proxy: { '/api': process.env.ATALAYA_API ?? 'http://127.0.0.1:3000' },
  },
});
