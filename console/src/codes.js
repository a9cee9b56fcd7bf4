// Services write codes (LOGISTICS, ELEVATED, HYGIENE …) into free text such as routing's reasons; people read names.
const FAMILIES = ['level', 'subject', 'department', 'risk', 'channel', 'form', 'state']

export function humanize(text, t, te) {
  return (text || '').replace(/\b([A-Z][A-Z_]{3,})\b/g, (code) => {
    for (const family of FAMILIES) {
      if (te(`${family}.${code}`)) return t(`${family}.${code}`)
    }
    return code
  })
}

/** Who took a step: the person's name, or 系统 for a service (routing's decision). */
export function actorOf(entry, t) {
  const service = (name) => !name || name.endsWith('-service')
  if (service(entry.actorId) && service(entry.actorName)) return t('petition.system')
  return entry.actorName || entry.actorId
}
