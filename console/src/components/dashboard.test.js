import { describe, expect, it } from 'vitest'
import { itemsOf, windows } from './dashboard.js'
import { optionFor, seriesData } from './charts.js'

describe('the bureau dashboard', () => {
  it('counts today, the week from Monday and the month in Beijing days, not the device zone', () => {
    // 17:30 UTC on Sunday 6 December is 01:30 on Monday 7 December in Beijing: a new day and a new week.
    expect(windows(new Date('2026-12-06T17:30:00Z'))).toEqual({
      today: { from: '2026-12-07', to: '2026-12-07' },
      week: { from: '2026-12-07', to: '2026-12-07' },
      month: { from: '2026-12-01', to: '2026-12-07' },
    })
    expect(windows(new Date('2026-12-04T05:00:00Z')).week).toEqual({ from: '2026-11-30', to: '2026-12-04' })
  })

  it('shows each dimension largest first with names, and every level in its order', () => {
    const report = { counts: { school: { 's-b': 1, 's-a': 3 }, level: { HIGH: 2 } } }
    const names = { 's-a': '东区第一小学', 's-b': '东区第二中学' }
    expect(itemsOf(report, 'school', (c) => names[c])).toEqual([
      { code: 's-a', name: '东区第一小学', value: 3 }, { code: 's-b', name: '东区第二中学', value: 1 }])
    expect(itemsOf(report, 'level', (c) => c).map((i) => [i.code, i.value]))
      .toEqual([['ROUTINE', 0], ['ELEVATED', 0], ['HIGH', 2], ['CRITICAL', 0]])
    expect(itemsOf(undefined, 'subject', (c) => c)).toEqual([])
  })

  it('gives a chart exactly the figures its table lists', () => {
    const items = [{ code: 'VISIT', name: '来访', value: 4 }, { code: 'PHONE', name: '来电', value: 1 }]
    expect(optionFor('pie', items).series[0].data).toEqual([{ name: '来访', value: 4 }, { name: '来电', value: 1 }])
    const bar = optionFor('bar', items)
    expect(bar.xAxis.data).toEqual(['来访', '来电'])
    expect(bar.series[0].data.map((d) => d.value)).toEqual([4, 1])
    expect(optionFor('hbar', items).yAxis.data).toEqual(['来访', '来电'])
    expect(seriesData('bar', [{ code: 'CRITICAL', name: '特别重大', value: 1 }])[0].itemStyle.color).toBe('#991b1b')
  })
})

describe('dates and labels', () => {
  it('writes a district day as people write it and slants crowded labels', async () => {
    const { writtenDay } = await import('../time.js')
    const { crowded } = await import('./charts.js')
    expect(writtenDay('2026-12-04')).toBe('2026年12月4日')
    expect(crowded(['一般（Ⅳ级）', '较大（Ⅲ级）', '重大（Ⅱ级）', '特别重大（Ⅰ级）'])).toBe(true)
    expect(crowded(['东区第一小学'])).toBe(false)
  })
})
