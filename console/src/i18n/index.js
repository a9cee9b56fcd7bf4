import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.js'
import en from './en.js'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('xinfang.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function switchLocale() {
  const next = i18n.global.locale.value === 'zh-CN' ? 'en' : 'zh-CN'
  i18n.global.locale.value = next
  localStorage.setItem('xinfang.locale', next)
  document.documentElement.lang = next
}
