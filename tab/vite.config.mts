import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname);

export default defineConfig({
  root: 'tab',
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: '../dist/tab',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The consent pop-up's two pages (authentication.authenticate) are built next to the tab.
      input: {
        index: resolve(root, 'index.html'),
        'auth-start': resolve(root, 'auth-start.html'),
        'auth-end': resolve(root, 'auth-end.html'),
      },
    },
  },
});
