// People read the district's local time (Asia/Shanghai), whatever the device's zone.
export const ZONE = 'Asia/Shanghai'

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

function local(instant) {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
  return { year: p.year, month: Number(p.month), day: Number(p.day), hour: p.hour, minute: p.minute }
}
const dayOnly = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** As people write it: 2026年12月3日 15:04, in the district's zone. */
export function localTime(instant) {
  if (!instant) return '—'
  const t = local(instant)
  return `${t.year}年${t.month}月${t.day}日 ${t.hour}:${t.minute}`
}

/**
 * The end of a legal period as the law states it: a deadline at local midnight is 24:00 of its last day
 * (2026年12月18日 24:00), not 00:00 of the day after, which reads as a day too late.
 */
export function deadlineEnd(instant) {
  if (!instant) return '—'
  const t = local(instant)
  if (t.hour !== '00' || t.minute !== '00') return localTime(instant)
  const before = local(new Date(new Date(instant).getTime() - 60_000))
  return `${before.year}年${before.month}月${before.day}日 24:00`
}

/** The calendar day in the district's zone, YYYY-MM-DD. */
export function localDay(instant) {
  return dayOnly.format(new Date(instant))
}

/** Whole calendar days from today to the deadline's day in the district's zone; negative once it has passed. */
export function daysLeft(dueBy, now = new Date()) {
  if (!dueBy) return null
  const due = Date.parse(localDay(dueBy))
  const today = Date.parse(localDay(now))
  return Math.round((due - today) / 86_400_000)
}

/** A district day (YYYY-MM-DD) as people write it: 2026年12月4日. */
export function writtenDay(day) {
  if (!day) return '—'
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
