import { createRouter, createWebHistory } from 'vue-router'
import { useSession } from './stores/session.js'
import { takeReturnTo } from './api/http.js'

// Each page is its own chunk, loaded when first opened: the first page loads only what it shows.
export const routes = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
  { path: '/desk', name: 'desk', component: () => import('./views/DeskView.vue'), meta: { roles: ['CLERK', 'LEADER', 'DEPUTY_LEADER'] } },
  { path: '/gate', name: 'gate', component: () => import('./views/GateView.vue'), meta: { roles: ['CLERK', 'LEADER', 'DEPUTY_LEADER'] } },
  { path: '/register', name: 'register', component: () => import('./views/RegisterView.vue'), meta: { roles: ['CLERK', 'LEADER', 'DEPUTY_LEADER', 'DEPARTMENT_HANDLER'] } },
  { path: '/inbox', name: 'inbox', component: () => import('./views/InboxView.vue'), meta: { roles: ['DEPARTMENT_HANDLER', 'LEADER', 'DEPUTY_LEADER'] } },
  { path: '/leader', name: 'leader', component: () => import('./views/LeaderView.vue'), meta: { roles: ['LEADER', 'DEPUTY_LEADER', 'CLERK'] } },
  { path: '/bureau', name: 'bureau', component: () => import('./views/BureauView.vue'), meta: { roles: ['BUREAU_ANALYST', 'BUREAU_DUTY_OFFICER'] } },
  { path: '/statistics', name: 'statistics', component: () => import('./views/StatisticsView.vue'), meta: { roles: ['BUREAU_ANALYST', 'BUREAU_DUTY_OFFICER'] } },
  { path: '/petitions/:id', name: 'petition', component: () => import('./views/PetitionView.vue'), props: true },
  { path: '/:rest(.*)*', name: 'missing', component: () => import('./views/MissingView.vue') },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.loaded) {
    try {
      await session.load()
    } catch {
      return false // signing in again: the browser is leaving for the sign-in page
    }
    const back = takeReturnTo()
    if (back && back.startsWith('/console/') && back !== '/console' + to.fullPath) {
      return back.substring('/console'.length)
    }
  }
  const allowed = to.meta.roles
  if (allowed && !session.roles.some((r) => allowed.includes(r))) return { name: 'home' }
  return true
})
