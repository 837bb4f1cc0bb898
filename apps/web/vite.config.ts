import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The game server (apps/server) serves the built app and the API on one origin; in development
// Vite proxies the API and the socket to it so the app behaves the same.
const server = process.env.JUBENSHA_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
