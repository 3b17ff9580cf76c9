import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'word-addin',
  base: '/word/',
  plugins: [react()],
  build: { outDir: '../dist/word', emptyOutDir: true, sourcemap: true },
});
