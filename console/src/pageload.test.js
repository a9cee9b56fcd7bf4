import { describe, expect, it } from 'vitest'
import { isMissingView, reloadOnceOnMissingView } from './pageload.js'

function fakeRouter() {
  const hooks = { error: [], after: [] }
  return {
    hooks,
    options: { history: { base: '/console' } },
    onError: (f) => hooks.error.push(f),
    afterEach: (f) => hooks.after.push(f),
  }
}

function memoryStorage() {
  const m = new Map()
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), removeItem: (k) => m.delete(k) }
}

describe('a view whose file does not come', () => {
  it('knows the browsers\' words for a missing module', () => {
    expect(isMissingView(new TypeError('Failed to fetch dynamically imported module: /console/assets/X.js'))).toBe(true)
    expect(isMissingView(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isMissingView(new Error('Unable to preload CSS for /console/assets/a.css'))).toBe(true)
    expect(isMissingView(new Error('HTTP 500'))).toBe(false)
  })

  it('loads the address afresh once, and not again for the same address', () => {
    const router = fakeRouter()
    const went = []
    const storage = memoryStorage()
    reloadOnceOnMissingView(router, { storage, location: { assign: (u) => went.push(u) } })
    const missing = new TypeError('Failed to fetch dynamically imported module')
    router.hooks.error[0](missing, { fullPath: '/petitions/7' })
    router.hooks.error[0](missing, { fullPath: '/petitions/7' })
    expect(went).toEqual(['/console/petitions/7'])
    router.hooks.error[0](new Error('HTTP 500'), { fullPath: '/desk' })
    expect(went).toHaveLength(1)
  })

  it('tries again after a page has loaded', () => {
    const router = fakeRouter()
    const went = []
    const storage = memoryStorage()
    reloadOnceOnMissingView(router, { storage, location: { assign: (u) => went.push(u) } })
    const missing = new TypeError('Failed to fetch dynamically imported module')
    router.hooks.error[0](missing, { fullPath: '/desk' })
    router.hooks.after[0]()
    router.hooks.error[0](missing, { fullPath: '/desk' })
    expect(went).toEqual(['/console/desk', '/console/desk'])
  })
})
