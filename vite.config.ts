import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both by the Electron app:// protocol and by `serve`;
// relative asset paths work for both.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:5180' },
  },
});
