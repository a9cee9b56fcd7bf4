import { api } from './http.js'

// A period's figures for the statistics tables: the district's, and each known school's own (the bureau may read
// every school of its district). One request per school: a district has a few dozen.
export async function periodFigures(district, { from, to }, schools) {
  const d = encodeURIComponent(district)
  const whole = api(`/api/v1/reports/districts/${d}?from=${from}&to=${to}&groupBy=subject,channel,form,level`)
  const each = Object.keys(schools).map((s) =>
    api(`/api/v1/reports/schools/${encodeURIComponent(s)}?from=${from}&to=${to}&groupBy=form`).then((r) => [s, r]))
  const [district_, perSchool] = await Promise.all([whole, Promise.all(each)])
  return { district: district_, schools: perSchool }
}
