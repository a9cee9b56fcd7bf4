// The bureau's statistics for a month, a quarter or a year: the period's days and the rates reported upward, as
// docs/bureau-console.md defines them. Every figure is of the petitions received in the period (reporting counts a
// petition, and everything that later happens to it, on the day it was received).

const pad = (n) => String(n).padStart(2, '0')
const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The days of a month (1–12), a quarter (1–4) or a year: { from, to } as YYYY-MM-DD. */
export function periodOf(kind, year, index = 1) {
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` }
  const [first, last] = kind === 'quarter' ? [3 * index - 2, 3 * index] : [index, index]
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` }
}

/** A share as people write it (87.5%), or — when nothing was measured (no denominator). */
export function rate(part, whole) {
  if (!whole) return '—'
  const percent = Math.round((part / whole) * 1000) / 10
  return `${percent}%`
}

/** The rates of one report's totals (docs/bureau-console.md, 统计口径). */
export function ratesOf(totals = {}) {
  const n = (k) => totals[k] || 0
  return {
    acceptInTime: rate(n('acceptDeadlineMet'), n('acceptDeadlineMet') + n('acceptDeadlineMissed')),
    handledInTime: rate(n('handleDeadlineMet'), n('handleDeadlineMet') + n('handleDeadlineMissed')),
    resolved: rate(n('resolved'), n('accepted')),
    group: rate(n('groupPetitions'), n('received')),
  }
}
