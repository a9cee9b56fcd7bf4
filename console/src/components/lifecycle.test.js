import { describe, it, expect } from 'vitest'
import { stepsFor } from './lifecycle.js'

const petition = (state, allowedActions, department = 'LOGISTICS') => ({ state, allowedActions, department })

describe('the steps offered to a person', () => {
  it('offers the department only its own steps, and none on a petition it only co-handles', () => {
    const handler = { roles: ['DEPARTMENT_HANDLER'], department: 'LOGISTICS' }
    expect(stepsFor(petition('ROUTED', ['accept', 'refuse']), handler)).toEqual(['accept', 'refuse'])
    expect(stepsFor(petition('ROUTED', ['accept', 'refuse'], 'UNION'), handler)).toEqual([])
    expect(stepsFor(petition('RESOLVED', ['close', 'request-review']), handler)).toEqual([])
  })

  it('offers the extension to the leader only and the review request to the clerk only', () => {
    const leader = { roles: ['LEADER'] }
    const deputy = { roles: ['DEPUTY_LEADER'] }
    const clerk = { roles: ['CLERK'] }
    expect(stepsFor(petition('IN_PROGRESS', ['extend', 'resolve']), leader)).toEqual(['extend', 'resolve'])
    expect(stepsFor(petition('IN_PROGRESS', ['extend', 'resolve']), deputy)).toEqual(['resolve'])
    expect(stepsFor(petition('RESOLVED', ['close', 'request-review']), clerk)).toEqual(['close', 'request-review'])
  })
})
