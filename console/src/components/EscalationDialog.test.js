import { describe, it, expect, beforeEach } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n/index.js'
import { freshTab, serviceAnswering } from '../testing/service.js'
import EscalationDialog from './EscalationDialog.vue'

const petition = { id: 'p-1', state: 'ACCEPTED', riskSignals: ['BLOCKING'], headcount: 12, escalated: false }

describe('escalating a petition on the spot', () => {
  beforeEach(freshTab)

  it('shows the refusals in Chinese next to their fields, keeps the note and reports again under the same key', async () => {
    const sent = serviceAnswering(
      [422, { status: 422, detail: 'nothing', errors: [{ field: 'riskSignals', reason: 'the escalation adds nothing new: …' }] }],
      [200, { ...petition, riskSignals: ['BLOCKING', 'VIOLENCE'] }])
    const dialog = mount(EscalationDialog, { props: { petition }, global: { plugins: [i18n] }, attachTo: document.body })
    await dialog.find('[data-test=escalation-note]').setValue('仍在堵门')
    await dialog.find('form').trigger('submit')
    await flushPromises()

    expect(sent[0].url).toBe('/api/v1/petitions/p-1/escalations')
    expect(JSON.parse(sent[0].init.body)).toEqual({ riskSignals: [], note: '仍在堵门' })
    expect(dialog.find('[data-test=error-riskSignals]').text()).toBe('没有新的情况：请勾选新的风险情形、增加人数或标记越级上访')
    expect(dialog.find('[data-test=escalation-note]').element.value).toBe('仍在堵门')

    await dialog.find('[data-test=escalation-signal-VIOLENCE] input').setValue(true)
    await dialog.find('form').trigger('submit')
    await flushPromises()
    expect(JSON.parse(sent[1].init.body).riskSignals).toEqual(['VIOLENCE'])
    expect(sent[1].init.headers['Idempotency-Key']).toBe(sent[0].init.headers['Idempotency-Key'])
    expect(dialog.emitted('done')[0][0].riskSignals).toContain('VIOLENCE')
  })
})
