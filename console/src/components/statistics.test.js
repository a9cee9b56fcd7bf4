import { describe, expect, it } from 'vitest'
import { periodOf, ratesOf } from './statistics.js'

describe('the statistics for a period', () => {
  it('knows the days of a month, a quarter and a year, leap years too', async () => {
    expect(periodOf('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodOf('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(periodOf('year', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('computes each rate over what was measured, and none over nothing', async () => {
    expect(ratesOf({ acceptDeadlineMet: 7, acceptDeadlineMissed: 1, handleDeadlineMet: 2, handleDeadlineMissed: 0,
      resolved: 2, accepted: 3, groupPetitions: 1, received: 8 }))
      .toEqual({ acceptInTime: '87.5%', handledInTime: '100%', resolved: '66.7%', group: '12.5%' })
    expect(ratesOf({})).toEqual({ acceptInTime: '—', handledInTime: '—', resolved: '—', group: '—' })
  })
})
