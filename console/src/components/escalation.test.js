import { describe, it, expect } from 'vitest'
import { mayEscalate, escalationBody } from './escalation.js'

describe('escalation on the spot', () => {
  const petition = { state: 'ACCEPTED', riskSignals: ['BLOCKING'], headcount: 12, escalated: false }

  it('is offered to the clerk and the leadership while the petition is open, never to a department', () => {
    expect(mayEscalate(petition, { roles: ['CLERK'] })).toBe(true)
    expect(mayEscalate(petition, { roles: ['DEPUTY_LEADER'] })).toBe(true)
    expect(mayEscalate(petition, { roles: ['DEPARTMENT_HANDLER'] })).toBe(false)
    expect(mayEscalate({ ...petition, state: 'CLOSED' }, { roles: ['LEADER'] })).toBe(false)
  })

  it('sends only what is new', () => {
    expect(escalationBody({ riskSignals: ['BLOCKING', 'VIOLENCE'], headcount: 40, escalated: false, note: '打起来了' }, petition))
      .toEqual({ riskSignals: ['VIOLENCE'], headcount: 40, note: '打起来了' })
    expect(escalationBody({ riskSignals: ['BLOCKING'], headcount: 12, escalated: true, note: '去了教育局' }, petition))
      .toEqual({ riskSignals: [], escalated: true, note: '去了教育局' })
  })
})
