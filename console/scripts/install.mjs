// `npm ci` when node_modules does not match package-lock.json, and nothing when it does: a fresh clone (CI) installs
// exactly the committed lock, a developer's second build does not wipe and reinstall the same packages.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
const stamp = 'node_modules/.installed-lock-sha256'
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('node_modules matches package-lock.json')
  process.exit(0)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' })
if (run.status !== 0) process.exit(run.status ?? 1)
writeFileSync(stamp, lock)
