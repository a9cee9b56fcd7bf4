import { api } from './http.js'

export const getPetition = (id) => api(`/api/v1/petitions/${encodeURIComponent(id)}`)
export const getDecision = (id) => api(`/api/v1/routing/decisions/${encodeURIComponent(id)}`)
export const takeStep = (id, action, body) =>
  api(`/api/v1/petitions/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body: body || {} })
export const escalate = (id, body, idempotencyKey) =>
  api(`/api/v1/petitions/${encodeURIComponent(id)}/escalations`,
    { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })

/**
 * After an escalation routing decides the level again through the broker: ask again, each wait longer, until the
 * level has changed or about ten seconds have passed (the level may rightly stay, e.g. one already critical).
 */
export async function awaitLevel(id, before, { waits = [200, 300, 500, 800, 1200, 2000, 2500, 3000], sleep = defaultSleep } = {}) {
  let petition = await getPetition(id)
  for (const wait of waits) {
    if (petition.level !== before) break
    await sleep(wait)
    petition = await getPetition(id)
  }
  return petition
}

/**
 * Routing answers through the broker, usually within a second of registration. The console asks again a few times,
 * each wait longer than the last, and gives up after about ten seconds (the register book shows it later).
 */
export async function awaitRouting(id, { waits = [150, 250, 400, 700, 1000, 1500, 2500, 3500], sleep = defaultSleep } = {}) {
  let petition = await getPetition(id)
  for (const wait of waits) {
    if (petition.state !== 'RECEIVED') break
    await sleep(wait)
    petition = await getPetition(id)
  }
  return petition
}

function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
