import { describe, it, expect } from 'vitest'
import { i18n } from './i18n/index.js'
import { humanize, actorOf } from './codes.js'

const { t, te } = i18n.global

describe('codes in free text', () => {
  it('become names, and what is no code stays', () => {
    expect(humanize('routed to LOGISTICS (ELEVATED)', t, te)).toBe('routed to 后勤处 (较大（Ⅲ级）)')
    expect(humanize("risk BLOCKING reported by the clerk", t, te)).toBe('risk 堵门或扰乱教学秩序 reported by the clerk')
    expect(humanize('rule set default-1', t, te)).toBe('rule set default-1')
  })

  it('names a service as the system', () => {
    expect(actorOf({ actorId: 'routing-service' }, t)).toBe('系统')
    expect(actorOf({ actorId: 'routing-service', actorName: 'routing-service' }, t)).toBe('系统')
    expect(actorOf({ actorId: 'east-01-clerk', actorName: '林晓雨' }, t)).toBe('林晓雨')
  })
})
