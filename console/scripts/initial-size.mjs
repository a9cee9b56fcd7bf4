// The JavaScript (and CSS) a browser loads before the first page can render: the entry script of index.html and
// every module it preloads, gzipped as the gateway would send them compressed. Pages loaded on demand are not counted.
// Usage: node scripts/initial-size.mjs [dir]   (default target/classes/xinfang-console, after `npm run build`)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dir = process.argv[2] || process.env.CONSOLE_OUT_DIR || 'target/classes/xinfang-console'
const html = readFileSync(join(dir, 'index.html'), 'utf8')
const files = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
let js = 0
let css = 0
for (const file of new Set(files)) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length
  if (file.endsWith('.js')) js += size
  else css += size
  console.log(`${file}\t${(size / 1024).toFixed(1)} KB gzipped`)
}
console.log(`initial JavaScript: ${(js / 1024).toFixed(1)} KB gzipped; CSS: ${(css / 1024).toFixed(1)} KB gzipped`)
if (js > 300 * 1024) {
  console.error('over the budget of 300 KB')
  process.exit(1)
}
