// Turns a problem document's field errors (English reasons from the services) into Chinese messages by field, so
// each appears next to its field. A reason this table does not know is shown as "填写有误" with the original text.
const REASONS = [
  [/^required|is required|must not be blank/, 'problem.required'],
  [/unknown (field|parameter)/, 'problem.unknown'],
  [/at most \d+ characters/, 'problem.tooLong'],
  [/individual petition has a headcount of 1/, 'problem.headcountIndividual'],
  [/group petition has a headcount of at least 2/, 'problem.headcountGroup'],
  [/elects at most/, 'problem.tooManyRepresentatives'],
  [/individual petition names one petitioner/, 'problem.oneIndividual'],
  [/more petitioners/, 'problem.moreThanHeadcount'],
  [/anonymous petition carries no/, 'problem.anonymousIdentity'],
  [/named petitioner is required/, 'problem.namedRequired'],
  [/lies in the future/, 'problem.future'],
  [/phone number/, 'problem.phone'],
  [/6-18 letters or digits/, 'problem.idNumber'],
  [/refusal must give|extension needs reasons/, 'problem.reasonRequired'],
  [/written reply|answered in writing/, 'problem.replyRequired'],
  [/^required: 1 to|exceeds|longer than/, 'problem.daysRange'],
  [/adds nothing new/, 'problem.nothingNew'],
  [/headcount only grows/, 'problem.headcountOnlyGrows'],
]

export function reasonInChinese(reason, t) {
  for (const [pattern, key] of REASONS) {
    if (pattern.test(reason || '')) return t(key)
  }
  return `${t('problem.invalid')}（${reason}）`
}

/** { field: message } from a problem's `errors: [{field, reason}]`; several reasons of one field are joined. */
export function fieldMessages(problem, t) {
  const byField = {}
  for (const { field, reason } of problem?.errors || []) {
    const message = reasonInChinese(reason, t)
    byField[field] = byField[field] ? `${byField[field]}；${message}` : message
  }
  return byField
}

/** One sentence for the whole answer, by status, for what is not a field's fault. */
export function summary(status, problem, t) {
  if (status === 0) return t('app.offline')
  if (status === 403) return t('problem.forbidden')
  if (status === 404) return t('problem.notFound')
  if (status === 409) return t('problem.conflict')
  if (status === 429) return t('problem.tooMany')
  if (status === 503 || status === 502) return t('problem.unavailable')
  if (status === 422 && /Idempotency|another body|different/i.test(problem?.detail || '')) return t('problem.idempotency')
  const fields = fieldMessages(problem, t)
  const first = Object.values(fields)[0]
  return first || t('problem.generic', { detail: problem?.detail || status })
}
