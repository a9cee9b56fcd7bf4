// Escalation on the spot (情况升级, the plan's 四(4)): who may report it, on which petitions, and what the request
// carries. intake decides: it refuses anything else with a problem shown next to its field.
export const ESCALATING_ROLES = ['CLERK', 'LEADER', 'DEPUTY_LEADER']
const CLOSED = ['CLOSED', 'NOT_ACCEPTED', 'RE_REVIEWED']
export const SIGNALS = ['VIOLENCE', 'DANGER_TO_PEOPLE', 'BLOCKING', 'MEDIA_ATTENTION', 'OTHER']

/** Whether this person may escalate this petition now: the school's clerk or leadership, while it is open. */
export function mayEscalate(petition, me) {
  if (!petition || CLOSED.includes(petition.state)) return false
  return (me?.roles || []).some((r) => ESCALATING_ROLES.includes(r))
}

/** The request's body: only what the form changed, so an unchanged headcount is not sent as news. */
export function escalationBody(model, petition) {
  const body = { riskSignals: model.riskSignals.filter((s) => !(petition.riskSignals || []).includes(s)), note: model.note }
  if (model.headcount && model.headcount !== petition.headcount) body.headcount = model.headcount
  if (model.escalated && !petition.escalated) body.escalated = true
  return body
}
