import { vi } from 'vitest'

// The services as a component's test meets them, through fetch: a fresh tab with the gateway's XSRF cookie, and
// answers in JSON (problem+json for a refusal) the way the gateway relays them.

/** A tab with no drafts, no page and the XSRF cookie the gateway sets. */
export function freshTab() {
  sessionStorage.clear()
  document.cookie = 'XSRF-TOKEN=csrf-123'
  document.body.innerHTML = ''
}

/** One answer of a service. */
export function answer(status, body) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

/** Answers each request with the next [status, body] (the last one from then on); what was sent, in order. */
export function serviceAnswering(...answers) {
  const sent = []
  globalThis.fetch = vi.fn(async (url, init) => {
    sent.push({ url, init })
    const [status, body] = answers[Math.min(sent.length, answers.length) - 1]
    return answer(status, body)
  })
  return sent
}
