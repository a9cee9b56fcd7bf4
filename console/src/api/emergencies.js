import { api } from './http.js'

const OPEN = 'ROUTED,ACCEPTED,IN_PROGRESS,EXTENDED'

/**
 * The school's open emergencies as the leader sees them: each open petition above the routine level with its alerts
 * and, where the plan was asked for, its incident (the leader's decision and the scene's timeline).
 */
export async function openEmergencies() {
  const page = await api(`/api/v1/petitions?state=${OPEN}&limit=50`)
  const urgent = page.items.filter((p) => p.level && p.level !== 'ROUTINE')
  return Promise.all(urgent.map(emergencyOf))
}

export async function emergencyOf(petition) {
  const alerts = await api(`/api/v1/alerts?petitionId=${encodeURIComponent(petition.id)}`)
  const incidentId = alerts.find((a) => a.incidentId)?.incidentId
  const incident = incidentId ? await api(`/api/v1/incidents/${encodeURIComponent(incidentId)}`).catch(() => null) : null
  return { petition, alerts, incident }
}

export const decide = (incidentId, approved, reason) =>
  api(`/api/v1/incidents/${encodeURIComponent(incidentId)}/activation`, { method: 'POST', body: { approved, reason: reason || null } })

export const acknowledge = (alertId) => api(`/api/v1/alerts/${encodeURIComponent(alertId)}/ack`, { method: 'POST' })

/** Live alerts (server-sent events through the gateway, with the session cookie); the browser reconnects by itself. */
export function liveAlerts({ onAlert, onState }) {
  const source = new EventSource('/api/v1/alerts/stream', { withCredentials: true })
  onState('connecting')
  source.onopen = () => onState('live')
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting')
  source.addEventListener('alert', (event) => {
    try {
      onAlert(JSON.parse(event.data))
    } catch {
      // a malformed event changes nothing on the page
    }
  })
  return () => source.close()
}
