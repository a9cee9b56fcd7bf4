// What a person typed is kept in sessionStorage (this tab only, cleared when it closes) until it is submitted, so a
// failed submit, a reload or signing in again after the session ended loses nothing.
const PREFIX = 'xinfang.draft.'

export function loadDraft(name) {
  try {
    const text = sessionStorage.getItem(PREFIX + name)
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

export function saveDraft(name, value) {
  sessionStorage.setItem(PREFIX + name, JSON.stringify(value))
}

export function clearDraft(name) {
  sessionStorage.removeItem(PREFIX + name)
}
