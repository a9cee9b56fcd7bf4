import { localDay } from '../time.js'

// What the bureau's dashboard shows, as plain functions of the API's answers (tested without a browser).

/** Today, this ISO week (from Monday) and this month, in the district's days (Asia/Shanghai), as from/to dates. */
export function windows(now = new Date()) {
  const today = localDay(now)
  const [y, m, d] = today.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  const sinceMonday = (date.getUTCDay() + 6) % 7
  const monday = new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().substring(0, 10)
  return {
    today: { from: today, to: today },
    week: { from: monday, to: today },
    month: { from: `${today.substring(0, 8)}01`, to: today },
  }
}

/** The emergency levels in their order, from routine to the most serious; other dimensions by count. */
export const LEVELS = ['ROUTINE', 'ELEVATED', 'HIGH', 'CRITICAL']

/**
 * One dimension of a report as the items a chart and its table show: [{ code, name, value }], the levels in their
 * order (each, zero too), everything else largest first and then by name.
 */
export function itemsOf(report, dimension, nameOf) {
  const counts = report?.counts?.[dimension] || {}
  if (dimension === 'level') return LEVELS.map((code) => ({ code, name: nameOf(code), value: counts[code] || 0 }))
  return Object.entries(counts)
    .map(([code, value]) => ({ code, name: nameOf(code), value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'))
}

/** Levels that need the leadership's attention (above routine): how many petitions of the window were received so. */
export function urgentOf(report) {
  const level = report?.counts?.level || {}
  return (level.ELEVATED || 0) + (level.HIGH || 0) + (level.CRITICAL || 0)
}
