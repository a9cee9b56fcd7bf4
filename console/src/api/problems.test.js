import { describe, it, expect } from 'vitest'
import { i18n } from '../i18n/index.js'
import { fieldMessages, summary } from './problems.js'

const t = i18n.global.t

describe('problem documents in Chinese', () => {
  it('names each refused field in Chinese, joining several reasons of one field', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'title', reason: 'required' },
        { field: 'headcount', reason: 'a group petition has a headcount of at least 2' },
        { field: 'petitioners', reason: 'a group elects at most 5 representatives, 6 given' },
        { field: 'petitioners', reason: 'more petitioners (6) than the headcount (3)' },
        { field: 'petitioners[0].phone', reason: 'must be a phone number of 3-20 digits' },
      ],
    }
    const messages = fieldMessages(problem, t)
    expect(messages.title).toBe('此项必填')
    expect(messages.headcount).toBe('集体信访人数至少为 2')
    expect(messages.petitioners).toBe('集体信访最多推选 5 名代表；信访人数多于总人数')
    expect(messages['petitioners[0].phone']).toBe('请填写 3 至 20 位电话号码')
  })

  it('keeps a reason it does not know, marked as an error', () => {
    expect(fieldMessages({ errors: [{ field: 'place', reason: 'contains a control character (U+0007)' }] }, t).place)
      .toBe('填写有误（contains a control character (U+0007)）')
  })

  it('says in one sentence what is not a field\'s fault', () => {
    expect(summary(409, { detail: 'x' }, t)).toBe('该事项状态已变化，请刷新后再试')
    expect(summary(403, null, t)).toBe('您没有权限进行此操作')
    expect(summary(0, null, t)).toBe('无法连接服务器，请稍后重试。')
    expect(summary(503, null, t)).toBe('服务暂时不可用，请稍后重试')
  })
})
