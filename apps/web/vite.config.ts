import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Dev: `npm run dev -w apps/web` serves the app on :5173 and proxies /api to a local api
// (API_URL, default http://localhost:3000). Build: dist/ is served by the api itself.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace libs (@thermocline/analytics…) resolve to their TypeScript sources.
    conditions: ['source'],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    // The manifest lets bench/web measure each route's initial JavaScript.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
