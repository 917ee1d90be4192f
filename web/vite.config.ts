import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { PHONE_PAGES } from './src/h5/pages.ts'

// Two pages of one application, both served by the gateway on the same origin as /api/v1: the staff console
// (index.html, under /console/) and the phone pages for citizens and deputies (h5.html, which the gateway serves at /
// and at the phone pages' paths). Their files share /console/assets/. Maven's build writes them where the gateway
// reads them from (CONSOLE_OUT_DIR); `npm run dev` serves them on :5173 and hands /api and /console/config.json to
// the gateway (LIANLUO_GATEWAY, default http://127.0.0.1:8080).
const gateway = process.env.LIANLUO_GATEWAY ?? 'http://127.0.0.1:8080'

/** In `npm run dev`, a phone page's path (/, /track …) gets h5.html, as the gateway does it. */
const phonePages: Plugin = {
  name: 'lianluo-phone-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const path = (req.url ?? '/').split('?')[0]
      if (PHONE_PAGES.some((p) => path === p || path.startsWith(`${p}/`)) || path === '/') req.url = '/console/h5.html'
      next()
    })
  },
}

export default defineConfig({
  base: '/console/',
  plugins: [
    vue(),
    phonePages,
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
    rolldownOptions: { input: { console: 'index.html', h5: 'h5.html' } },
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
