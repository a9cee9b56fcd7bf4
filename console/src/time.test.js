import { describe, it, expect } from 'vitest'
import { localTime, localDay, daysLeft, deadlineEnd } from './time.js'

describe('local time of the district (Asia/Shanghai)', () => {
  it('shows an instant in Beijing time, whatever the machine zone', () => {
    expect(localTime('2026-03-01T16:30:00Z')).toBe('2026年3月2日 00:30')
    expect(localDay('2026-03-01T16:30:00Z')).toBe('2026-03-02')
    expect(localTime(null)).toBe('—')
  })

  it('writes a legal deadline at midnight as 24:00 of its last day', () => {
    expect(deadlineEnd('2026-12-18T16:00:00Z')).toBe('2026年12月18日 24:00')
    expect(deadlineEnd('2026-12-18T07:30:00Z')).toBe('2026年12月18日 15:30')
    expect(deadlineEnd('2026-12-31T16:00:00Z')).toBe('2026年12月31日 24:00')
  })

  it('counts days left by the calendar days of the district', () => {
    const now = new Date('2026-03-01T15:00:00Z') // 23:00 in Beijing on 1 March
    expect(daysLeft('2026-03-01T15:59:00Z', now)).toBe(0)
    expect(daysLeft('2026-03-01T16:01:00Z', now)).toBe(1) // 00:01 on 2 March in Beijing
    expect(daysLeft('2026-03-16T15:59:59Z', now)).toBe(15)
    expect(daysLeft('2026-02-27T00:00:00Z', now)).toBe(-2)
  })
})
