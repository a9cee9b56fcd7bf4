// ECharts options for the bureau's figures, built from the items a chart shows ([{ code, name, value }]). Plain
// functions, so what a chart is given can be tested (and is what the page's data tables list).

// Colours that keep 3:1 against white for the bars and slices (WCAG AA for graphics).
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9d174d', '#374151', '#c2410c']
// The levels in the colours people expect of them: routine calm, the most serious red.
const LEVEL_COLOURS = { ROUTINE: '#047857', ELEVATED: '#b45309', HIGH: '#c2410c', CRITICAL: '#991b1b' }

const TEXT = { color: '#1f2937', fontSize: 13 }

/** The series data a chart is given: the figures it shows, in order. */
export function seriesData(kind, items) {
  if (kind === 'pie') return items.map((i) => ({ name: i.name, value: i.value }))
  return items.map((i) => ({ value: i.value, itemStyle: LEVEL_COLOURS[i.code] ? { color: LEVEL_COLOURS[i.code] } : undefined }))
}

/** Names that would touch side by side under the bars on a tablet: slanted, so each stays readable. */
export function crowded(names) {
  return names.length > 4 || names.reduce((sum, n) => sum + n.length, 0) > 16
}

export function optionFor(kind, items) {
  const names = items.map((i) => i.name)
  const data = seriesData(kind, items)
  const base = { color: PALETTE, animation: false, textStyle: TEXT, tooltip: { trigger: kind === 'pie' ? 'item' : 'axis' } }
  if (kind === 'pie') {
    return {
      ...base,
      series: [{
        type: 'pie', radius: ['35%', '65%'], data,
        label: { formatter: '{b}：{c}', color: TEXT.color }, minAngle: 4,
      }],
    }
  }
  const category = { type: 'category', data: names, axisLabel: { ...TEXT, interval: 0, overflow: 'truncate', width: 96 } }
  const value = { type: 'value', minInterval: 1, axisLabel: TEXT }
  const horizontal = kind === 'hbar'
  return {
    ...base,
    grid: { left: horizontal ? 110 : 40, right: 24, top: 28, bottom: horizontal ? 24 : 56, containLabel: false },
    xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: crowded(names) ? 30 : 0 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data, barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top', color: TEXT.color } }],
  }
}
