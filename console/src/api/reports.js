import { api, signInAgain, ApiError } from './http.js'

// The bureau's figures, from reporting through the gateway: the district's reports for a range of its days, the
// petitions past a legal deadline, the names of its schools, and the live stream of district-day snapshots.
const DIMENSIONS = 'school,subject,channel,form,level'

const district = (d) => `/api/v1/reports/districts/${encodeURIComponent(d)}`

export const reportPath = (d, { from, to }) => `${district(d)}?from=${from}&to=${to}&groupBy=${DIMENSIONS}`
export const overduePath = (d) => `${district(d)}/overdue`

export const districtReport = (d, range) => api(reportPath(d, range))
export const overdue = (d) => api(overduePath(d))

/** School id → the name people know it by (as reporting learned it from the receipts). */
export async function schoolNames(d) {
  const answer = await api(`${district(d)}/schools`)
  return Object.fromEntries((answer?.schools || []).map((s) => [s.school, s.name]))
}

/**
 * Every new district-day snapshot, as it is folded (server-sent events through the gateway with the session cookie);
 * the browser reconnects by itself. The page reads its figures afresh on each, so a week and a month stay exact too.
 */
export function liveDistrict(d, { onUpdate, onState }) {
  const source = new EventSource(`/api/v1/subscriptions/districts/${encodeURIComponent(d)}/stream`, { withCredentials: true })
  onState('connecting')
  source.onopen = () => onState('live')
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting')
  source.addEventListener('district-report', () => onUpdate())
  return () => source.close()
}

/**
 * The same endpoint asked for CSV (Accept: text/csv), saved under the name reporting gives it: UTF-8 with a
 * byte-order mark and Chinese headers, so a spreadsheet opens it as the bureau reads it.
 */
export async function downloadCsv(path, fallbackName) {
  const response = await fetch(path, { headers: { Accept: 'text/csv' }, credentials: 'same-origin', redirect: 'manual' })
  if (response.status === 401 || response.type === 'opaqueredirect') {
    signInAgain()
    throw new ApiError(401, null)
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null))
  const disposition = response.headers.get('Content-Disposition') || ''
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
