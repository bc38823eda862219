import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const BOOT = resolve(ROOT, 'src/boot/boot.ts');

/**
 * The chunks the boot script preloads for a path (route prefix → modules): the page and what it
 * shows first. Keep in step with the routes in src/App.tsx.
 */
const PRELOAD: Record<string, string[]> = {
  '/dashboard': ['src/pages/dashboard/DashboardPage.tsx', 'src/pages/dashboard/components/ComparisonPanel.tsx', 'src/charts/EChart.tsx'],
  '/my-unit': ['src/pages/secretary/MyUnitPage.tsx'],
  '/units/': ['src/pages/unit/UnitPage.tsx'],
  '/reports/': ['src/pages/unit/ReportPage.tsx'],
  '/notifications': ['src/pages/notifications/NotificationsPage.tsx'],
};

/**
 * The boot script (src/boot/boot.ts) goes first in index.html's head as a plain script, with the
 * page chunks to preload in <meta name="tc-preload">: the first screen's reads and chunks start
 * while the browser is still fetching and evaluating React and antd.
 */
function bootScript(): Plugin {
  return {
    name: 'thermocline-boot',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return [{ tag: 'script', attrs: { type: 'module', src: '/src/boot/boot.ts' }, injectTo: 'head-prepend' }] satisfies HtmlTagDescriptor[];
        const chunks = Object.values(ctx.bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const i of byFile.get(file)?.imports ?? []) closure(i, seen);
          return seen;
        };
        const boot = chunks.find((c) => c.isEntry && c.facadeModuleId === BOOT);
        if (!boot) throw new Error('boot chunk missing');
        // It runs as a classic script: an import would make it a module (and share app code).
        if (boot.imports.length || boot.exports.length) throw new Error(`src/boot/boot.ts must be self-contained (imports ${boot.imports.join(', ')})`);
        const initial = closure(ctx.chunk.fileName);
        const map: Record<string, string[]> = {};
        for (const [prefix, modules] of Object.entries(PRELOAD)) {
          const files = new Set<string>();
          for (const m of modules) {
            const chunk = chunks.find((c) => c.facadeModuleId === resolve(ROOT, m));
            if (!chunk) throw new Error(`no chunk for ${m} (PRELOAD in vite.config.ts)`);
            for (const f of closure(chunk.fileName)) if (!initial.has(f)) files.add(`/${f}`);
          }
          map[prefix] = [...files];
        }
        // Right after <meta charset> (which must stay in the first 1024 bytes) and before the
        // stylesheet: a plain script after a stylesheet would wait for it to load.
        const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        const tags = `\n    <meta name="tc-preload" content="${attr(JSON.stringify(map))}" />\n    <script src="/${boot.fileName}"></script>`;
        const at = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!at) throw new Error('index.html needs <meta charset>');
        return html.slice(0, at.index + at[0].length) + tags + html.slice(at.index + at[0].length);
      },
    },
  };
}

/**
 * Writes a .br and a .gz beside every text asset once, at build time, at the highest levels: the api
 * sends the one the browser accepts (apps/api/src/web/static.ts) instead of gzipping the same
 * 2.8 MB on every page load, on the same cores that answer the dashboard's reads.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'thermocline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    closeBundle() {
      // A failed build wrote nothing: let its own error be the one reported.
      if (!existsSync(outDir)) return;
      for (const name of readdirSync(outDir)) {
        const file = join(outDir, name);
        if (!/\.(js|css|svg|json|txt)$/.test(name) || statSync(file).size < 1024) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// Dev: `npm run dev -w apps/web` serves the app on :5173 and proxies /api to a local api
// (API_URL, default http://localhost:3000). Build: dist/ is served by the api itself.
export default defineConfig({
  plugins: [react(), bootScript(), precompress()],
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
    rollupOptions: { input: { index: resolve(ROOT, 'index.html'), boot: BOOT } },
  },
});
