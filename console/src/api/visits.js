import { api } from './http.js'

// The gate register (门卫、值班来人来电登记) of the clerk's school, kept by intake at /api/v1/visits.
export const KINDS = ['VISIT', 'CALL']

/** One day of the register, the district's day (YYYY-MM-DD); today when no day is given. */
export const visitsOf = (day) => api(`/api/v1/visits${day ? `?date=${encodeURIComponent(day)}` : ''}`)
export const getVisit = (id) => api(`/api/v1/visits/${encodeURIComponent(id)}`)

export function logVisit(entry) {
  const body = { kind: entry.kind, purpose: entry.purpose.trim() }
  if (entry.visitorName.trim()) body.visitorName = entry.visitorName.trim()
  if (entry.phone.trim()) body.phone = entry.phone.trim()
  if (entry.headcount > 1) body.headcount = entry.headcount
  return api('/api/v1/visits', { method: 'POST', body })
}

export function emptyVisit() {
  return { kind: 'VISIT', visitorName: '', phone: '', headcount: 1, purpose: '' }
}
