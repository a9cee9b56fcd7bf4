import { defineStore } from 'pinia'
import { api } from '../api/http.js'

/** Who is signed in, from the gateway (never a token): their name, school, department and roles. */
export const useSession = defineStore('session', {
  state: () => ({ me: null, loaded: false }),
  getters: {
    roles: (s) => s.me?.roles || [],
    isClerk: (s) => (s.me?.roles || []).includes('CLERK'),
    isHandler: (s) => (s.me?.roles || []).includes('DEPARTMENT_HANDLER'),
    isLeader: (s) => (s.me?.roles || []).some((r) => r === 'LEADER' || r === 'DEPUTY_LEADER'),
    isBureau: (s) => (s.me?.roles || []).some((r) => r === 'BUREAU_ANALYST' || r === 'BUREAU_DUTY_OFFICER'),
    isStaff: (s) => (s.me?.roles || []).some((r) => ['CLERK', 'LEADER', 'DEPUTY_LEADER'].includes(r)),
  },
  actions: {
    async load() {
      this.me = await api('/bff/me')
      this.loaded = true
      return this.me
    },
  },
})
