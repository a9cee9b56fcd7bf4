import { describe, it, expect, beforeEach } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n/index.js'
import { freshTab, serviceAnswering } from '../testing/service.js'
import StepDialog from './StepDialog.vue'

describe('taking a step of the life cycle', () => {
  beforeEach(freshTab)

  it('keeps the draft and names the refused field, then drops the draft once intake takes the step', async () => {
    const sent = serviceAnswering(
      [400, { status: 400, detail: 'reason', errors: [{ field: 'reason', reason: 'must not be blank' }] }],
      [200, { id: 'p-1', state: 'REFUSED' }])
    const dialog = mount(StepDialog, { props: { petitionId: 'p-1', action: 'refuse' }, global: { plugins: [i18n] },
      attachTo: document.body })
    await dialog.find('[data-test=step-reason]').setValue('不属于本校受理范围')
    await dialog.find('form').trigger('submit')
    await flushPromises()

    expect(JSON.parse(sent[0].init.body)).toEqual({ reason: '不属于本校受理范围' })
    expect(dialog.find('.field-error').exists()).toBe(true)
    expect(dialog.find('[role=alert]').exists()).toBe(true)
    expect(dialog.emitted('done')).toBeUndefined()
    expect(sessionStorage.getItem('xinfang.draft.step.p-1.refuse')).toContain('不属于本校受理范围')

    await dialog.find('form').trigger('submit')
    await flushPromises()
    expect(dialog.emitted('done')[0][0].state).toBe('REFUSED')
    expect(dialog.find('.field-error').exists()).toBe(false)
    expect(sessionStorage.getItem('xinfang.draft.step.p-1.refuse')).toBeNull()
  })
})
