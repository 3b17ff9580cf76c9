import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'tab',
  base: '/tab/',
  plugins: [react()],
  build: { outDir: '../dist/tab', emptyOutDir: true, sourcemap: true },
});
