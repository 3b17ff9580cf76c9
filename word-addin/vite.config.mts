import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'word-addin',
  base: '/word/',
  plugins: [react()],
  // The manifest's icons (manifest/word/icons) are published as /word/icon-NN.png.
  publicDir: resolve(import.meta.dirname, '../manifest/word/icons'),
  build: {
    outDir: '../dist/word',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The task pane; the sign-in page Office opens in a dialog when single sign-on is unavailable;
      // the support page the manifest links to.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        'sign-in': resolve(import.meta.dirname, 'sign-in.html'),
        support: resolve(import.meta.dirname, 'support.html'),
      },
    },
  },
});
