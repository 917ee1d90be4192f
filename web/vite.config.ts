import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The console lives under /console/ on the gateway (same origin as /api/v1). Maven's build writes it where the
// gateway reads it from (CONSOLE_OUT_DIR); `npm run dev` serves it on :5173 and hands /api and /console/config.json
// to the gateway (LIANLUO_GATEWAY, default http://127.0.0.1:8080).
const gateway = process.env.LIANLUO_GATEWAY ?? 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus on demand: each page pulls only the components (and their CSS) it uses.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'components.d.ts', dirs: [] }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks the entry pulls in (npm run size); the gateway serves no dot-folder
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/console/config.json': { target: gateway, changeOrigin: true },
    },
  },
})
