import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The console is served by the gateway at /console/ on the gateway's own origin (same cookie, same API).
// Element Plus is imported per component, with its styles, so a page loads only what it shows.
export default defineConfig({
  base: '/console/',
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR || 'target/classes/xinfang-console',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npm run dev` against a running stack: the gateway answers the API and the sign-in.
    proxy: {
      '/api': 'http://localhost:8080',
      '/bff': 'http://localhost:8080',
      '/oauth2': 'http://localhost:8080',
      '/login': 'http://localhost:8080',
      '/logout': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.js'],
    server: { deps: { inline: ['element-plus'] } },
  },
})
