import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n/index.js'
import { answer, freshTab } from '../testing/service.js'
import PetitionForm from './PetitionForm.vue'

function mountForm(props = {}) {
  return mount(PetitionForm, { props, global: { plugins: [i18n] }, attachTo: document.body })
}

describe('registering a petition', () => {
  beforeEach(freshTab)

  it('shows the refusal in Chinese next to its field and keeps everything typed', async () => {
    const sent = []
    globalThis.fetch = vi.fn(async (url, init) => {
      sent.push({ url, init })
      return answer(400, { status: 400, detail: '2 field(s) are invalid', errors: [
        { field: 'title', reason: 'required' },
        { field: 'petitioners[0].phone', reason: 'must be a phone number of 3-20 digits' }] })
    })
    const form = mountForm()
    await form.find('[data-test=description]').setValue('家长反映食堂卫生问题')
    await form.find('[data-test=name-0]').setValue('张某')
    await form.find('[data-test=phone-0]').setValue('12')
    await form.find('form').trigger('submit')
    await flushPromises()

    expect(sent).toHaveLength(1)
    expect(sent[0].init.headers['X-XSRF-TOKEN']).toBe('csrf-123')
    expect(sent[0].init.headers['Idempotency-Key']).toMatch(/^form-/)
    expect(form.find('[data-test=error-title]').text()).toBe('此项必填')
    expect(form.find('[data-test=error-phone-0]').text()).toBe('请填写 3 至 20 位电话号码')
    expect(form.find('[data-test=failure]').text()).toContain('已填写的内容均已保留')
    expect(form.find('[data-test=description]').element.value).toBe('家长反映食堂卫生问题')
    expect(form.find('[data-test=name-0]').element.value).toBe('张某')
  })

  it('starts a gate entry from what the gate wrote down and registers it as that entry\'s petition', async () => {
    const sent = []
    globalThis.fetch = vi.fn(async (url, init) => {
      sent.push({ url, body: JSON.parse(init.body) })
      return answer(201, { id: 'p-from-gate', state: 'RECEIVED' })
    })
    const visit = { id: 'v-1', kind: 'VISIT', visitorName: '王某', phone: '13800000000', headcount: 12, purpose: '反映食堂卫生问题' }
    const form = mountForm({ visit, draftName: 'registration-visit-v-1' })
    await flushPromises()
    expect(form.find('[data-test=name-0]').element.value).toBe('王某')
    expect(form.find('[data-test=description]').element.value).toBe('反映食堂卫生问题')
    await form.find('[data-test=title]').setValue('家长反映食堂卫生')
    await form.find('form').trigger('submit')
    await flushPromises()

    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/v1/visits/v-1/petition')
    expect(sent[0].body).toMatchObject({ channel: 'VISIT', form: 'GROUP', headcount: 12, description: '反映食堂卫生问题' })
    expect(sent[0].body.petitioners[0]).toMatchObject({ name: '王某', phone: '13800000000' })
    expect(form.emitted('registered')[0][0].id).toBe('p-from-gate')
  })

  it('turns a call into a phone petition', async () => {
    const form = mountForm({ visit: { id: 'v-2', kind: 'CALL', headcount: 1, purpose: '询问转学政策' }, draftName: 'registration-visit-v-2' })
    await flushPromises()
    expect(form.find('[data-test=channel-PHONE]').classes()).toContain('is-active')
    expect(form.find('[data-test=form-INDIVIDUAL]').classes()).toContain('is-active')
  })

  it('sends the same Idempotency-Key when submitted again, and a new form gets a new one', async () => {
    const keys = []
    let status = 503
    globalThis.fetch = vi.fn(async (url, init) => {
      keys.push(init.headers['Idempotency-Key'])
      return status === 201 ? answer(201, { id: 'p-1', state: 'RECEIVED' }) : answer(503, { status: 503, detail: 'down' })
    })
    const form = mountForm()
    await form.find('[data-test=title]').setValue('门口聚集')
    await form.find('[data-test=description]').setValue('十余名家长在校门口聚集')
    await form.find('[data-test=name-0]').setValue('张某')
    await form.find('form').trigger('submit')
    await flushPromises()
    status = 201
    await form.find('form').trigger('submit')
    await flushPromises()

    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(form.emitted('registered')[0][0].id).toBe('p-1')
    expect(form.find('[data-test=title]').element.value).toBe('')
    await form.find('[data-test=title]').setValue('另一件')
    await form.find('form').trigger('submit')
    await flushPromises()
    expect(keys[2]).not.toBe(keys[0])
  })

  it('keeps the draft across a reload of the page, for signing in again after the session ended', async () => {
    const first = mountForm()
    await first.find('[data-test=title]').setValue('草稿标题')
    await flushPromises()
    first.unmount()
    const again = mountForm()
    expect(again.find('[data-test=title]').element.value).toBe('草稿标题')
  })

  it('sends a group with its headcount, representatives and risk signals, without identity when anonymous', async () => {
    let body
    globalThis.fetch = vi.fn(async (url, init) => {
      body = JSON.parse(init.body)
      return answer(201, { id: 'p-2', state: 'RECEIVED' })
    })
    const form = mountForm()
    await form.find('[data-test=form-GROUP] input').setValue(true)
    await form.find('[data-test=add-representative]').trigger('click')
    await form.find('[data-test=risk-BLOCKING] input').setValue(true)
    await form.find('[data-test=anonymous] input').setValue(true)
    await form.find('[data-test=title]').setValue('集体访')
    await form.find('[data-test=description]').setValue('多名家长')
    await form.find('form').trigger('submit')
    await flushPromises()

    expect(body.form).toBe('GROUP')
    expect(body.headcount).toBe(2)
    expect(body.petitioners).toEqual([{ relation: 'PARENT' }, { relation: 'PARENT' }])
    expect(body.riskSignals).toEqual(['BLOCKING'])
    expect(body.anonymous).toBe(true)
  })
})
