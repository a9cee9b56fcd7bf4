// Every call of the console goes to the gateway on the same origin. The browser holds only the session cookie
// (HttpOnly) and the CSRF token cookie, which it sends back as X-XSRF-TOKEN on every write. No token is ever here.

export const SIGN_IN = '/oauth2/authorization/console'
const RETURN_TO = 'xinfang.returnTo'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }
}

export function csrfToken() {
  const found = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : ''
}

/** Remembers where the person was (their form drafts are kept in sessionStorage) and signs them in again. */
export function signInAgain(location = window.location) {
  sessionStorage.setItem(RETURN_TO, location.pathname + location.search + location.hash)
  location.assign(SIGN_IN)
}

/** Where to go back after signing in again, once. */
export function takeReturnTo() {
  const to = sessionStorage.getItem(RETURN_TO)
  sessionStorage.removeItem(RETURN_TO)
  return to
}

async function send(path, method, body, headers) {
  const h = { Accept: 'application/json, application/problem+json', ...headers }
  if (body !== undefined) h['Content-Type'] = 'application/json'
  if (method !== 'GET') h['X-XSRF-TOKEN'] = csrfToken()
  return fetch(path, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    redirect: 'manual',
  })
}

export async function api(path, { method = 'GET', body, headers = {}, onSignIn = signInAgain } = {}) {
  let response
  try {
    response = await send(path, method, body, headers)
    // A write without a valid CSRF token (its cookie not yet set) is refused once: ask for the token, then retry.
    if (response.status === 403 && method !== 'GET' && !isProblem(response)) {
      await fetch('/bff/me', { credentials: 'same-origin' })
      response = await send(path, method, body, headers)
    }
  } catch (e) {
    throw new ApiError(0, null)
  }
  if (response.status === 401 || response.type === 'opaqueredirect') {
    onSignIn()
    throw new ApiError(401, null)
  }
  const text = await response.text()
  const data = text ? safeJson(text) : null
  if (!response.ok) throw new ApiError(response.status, data)
  return data
}

function isProblem(response) {
  return (response.headers.get('Content-Type') || '').includes('json')
}

function safeJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    return { detail: text }
  }
}

/** A key per form, kept with its draft: pressing submit twice, or again after a lost answer, registers once. */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return `form-${crypto.randomUUID()}`
  return `form-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}
