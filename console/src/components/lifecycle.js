// The steps of the life cycle (intake's Action) with who may take them and what each needs, so the console offers a
// person only the steps they may take now. intake still decides: it refuses anything else with a problem.
export const STEPS = {
  accept: { roles: ['DEPARTMENT_HANDLER', 'LEADER', 'DEPUTY_LEADER'], needs: [] },
  refuse: { roles: ['DEPARTMENT_HANDLER', 'LEADER', 'DEPUTY_LEADER'], needs: ['reason'] },
  start: { roles: ['DEPARTMENT_HANDLER', 'LEADER', 'DEPUTY_LEADER'], needs: [] },
  extend: { roles: ['LEADER'], needs: ['reason', 'days'] },
  resolve: { roles: ['DEPARTMENT_HANDLER', 'LEADER', 'DEPUTY_LEADER'], needs: ['reply'] },
  close: { roles: ['CLERK', 'LEADER', 'DEPUTY_LEADER'], needs: [] },
  'request-review': { roles: ['CLERK'], needs: [] },
  'answer-review': { roles: ['LEADER', 'DEPUTY_LEADER'], needs: ['reply'] },
  'request-re-review': { roles: ['CLERK'], needs: [] },
  'answer-re-review': { roles: ['LEADER', 'DEPUTY_LEADER'], needs: ['reply'] },
}

/** The steps the petition allows now that one of these roles may take; a co-handling department takes none. */
export function stepsFor(petition, me) {
  const roles = me?.roles || []
  const handler = roles.includes('DEPARTMENT_HANDLER')
  return (petition?.allowedActions || []).filter((action) => {
    const step = STEPS[action]
    if (!step || !step.roles.some((r) => roles.includes(r))) return false
    if (handler && roles.length === 1 && petition.department !== me.department) return false
    return true
  })
}
