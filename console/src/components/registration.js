// The registration form's model and the request body intake reads (RegistrationReader): only what was filled in.
import { newIdempotencyKey } from '../api/http.js'

export const CHANNELS = ['VISIT', 'LETTER', 'PHONE', 'ONLINE', 'EMAIL']
export const RELATIONS = ['PARENT', 'TEACHER', 'STAFF', 'STUDENT', 'RESIDENT', 'OTHER']
export const RISKS = ['VIOLENCE', 'DANGER_TO_PEOPLE', 'BLOCKING', 'MEDIA_ATTENTION', 'OTHER']
export const MAX_REPRESENTATIVES = 5

export function emptyPerson() {
  return { name: '', phone: '', relation: 'PARENT' }
}

export function emptyRegistration() {
  return {
    channel: 'VISIT', form: 'INDIVIDUAL', headcount: 1, anonymous: false, escalated: false, riskSignals: [],
    subject: '', title: '', description: '', place: '', petitioners: [emptyPerson()],
    idempotencyKey: newIdempotencyKey(),
  }
}

/**
 * The registration a gate entry becomes: a visit a VISIT petition, a call a PHONE one, the group's size, the visitor
 * as the first petitioner and what they came for as the description; the clerk completes the rest.
 */
export function registrationFromVisit(visit) {
  const model = emptyRegistration()
  model.channel = visit.kind === 'CALL' ? 'PHONE' : 'VISIT'
  if (visit.headcount > 1) {
    model.form = 'GROUP'
    model.headcount = visit.headcount
  }
  model.petitioners[0].name = visit.visitorName || ''
  model.petitioners[0].phone = visit.phone || ''
  model.description = visit.purpose || ''
  return model
}

export function requestBody(model) {
  const body = {
    channel: model.channel,
    form: model.form,
    headcount: model.form === 'INDIVIDUAL' ? 1 : model.headcount,
    escalated: model.escalated,
    anonymous: model.anonymous,
    title: model.title.trim(),
    description: model.description.trim(),
    riskSignals: [...model.riskSignals],
    petitioners: model.petitioners.map((p) => {
      const person = { relation: p.relation }
      if (!model.anonymous) {
        if (p.name.trim()) person.name = p.name.trim()
        if (p.phone.trim()) person.phone = p.phone.trim()
      }
      return person
    }),
  }
  if (model.subject) body.subject = model.subject
  if (model.place.trim()) body.place = model.place.trim()
  return body
}

/** The subjects a clerk may choose (UNKNOWN is routing's answer, not a choice). */
export const SUBJECTS = [
  'ENROLLMENT', 'ADMISSION', 'TRANSFER', 'ACADEMIC_BURDEN', 'APPOINTMENTS', 'ORGANISATION', 'STAFF_RIGHTS',
  'RETIRED_CADRES', 'MEDIA_OPINION', 'TEACHER_ETHICS', 'PAID_TUTORING', 'INTEGRITY', 'DISCIPLINE', 'WORK_STYLE',
  'OPEN_AFFAIRS', 'CONSTRUCTION_BIDDING', 'EDUCATION_FEES', 'INFRASTRUCTURE', 'TEACHER_PAY', 'WELFARE', 'HYGIENE',
  'EPIDEMIC', 'CAMPUS_SAFETY', 'TRAFFIC_SAFETY', 'STUDENT_INJURY', 'SCHOOL_DISPUTES', 'INFO_DISCLOSURE',
  'ONLINE_COMPLAINTS', 'FOREIGN_AFFAIRS', 'NEIGHBOUR_DISPUTES',
]
