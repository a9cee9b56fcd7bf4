// A page's view is its own file, fetched when first opened. After a new build is deployed an open tab still asks for
// the old file names, which are gone; a network hiccup can also drop one. The page would then stay empty below its
// header. Loading the address afresh fetches the new index and its files: done once per address, so a file that is
// truly missing shows the error rather than reloading for ever.

const TRIED = 'xinfang.reloadedFor'

export function isMissingView(error) {
  const text = String(error?.message || error || '')
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically/i.test(text)
}

export function reloadOnceOnMissingView(router, { storage = sessionStorage, location = window.location } = {}) {
  router.onError((error, to) => {
    if (!isMissingView(error)) return
    const target = router.options.history.base + (to?.fullPath || '/')
    if (storage.getItem(TRIED) === target) return
    storage.setItem(TRIED, target)
    location.assign(target)
  })
  router.afterEach(() => storage.removeItem(TRIED))
}
