import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
import App from './App.vue'
import { router } from './router.js'
import { reloadOnceOnMissingView } from './pageload.js'
import { i18n } from './i18n/index.js'
import './styles.css'

reloadOnceOnMissingView(router)
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')

// The first page is interactive once its view is rendered: marked for the browser tests and BENCHMARKS.md.
router.isReady().then(() => requestAnimationFrame(() => performance.mark('xinfang:first-view')))
