import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '../api/http.js'
import { fieldMessages, summary } from '../api/problems.js'
import { clearDraft } from '../stores/drafts.js'

// Sends what a dialog kept as a draft: one send at a time, the draft dropped and 'done' emitted with the service's
// answer once it has it; a refusal leaves the draft, with each field's message and a summary for the dialog. A 401 is
// the session's to handle (it signs in again), so the dialog says nothing of it.
export function useDraftSubmission(draftName, emit) {
  const { t } = useI18n()
  const errors = ref({})
  const failure = ref('')
  const busy = ref(false)

  async function submit(send) {
    busy.value = true
    errors.value = {}
    failure.value = ''
    try {
      const after = await send()
      clearDraft(draftName.value)
      emit('done', after)
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) {
        errors.value = fieldMessages(e.problem, t)
        failure.value = summary(e.status, e.problem, t)
      }
    } finally {
      busy.value = false
    }
  }

  return { errors, failure, busy, submit }
}
