import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { loadConfig } from '@/config'
import { DEPUTY_BASE, caller, restore, signIn, startSession } from '@/auth/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** a deputy's page: signed in through Keycloak, as the console is */
    deputy?: boolean
  }
}

// Each page is its own chunk: the landing page loads only itself.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomePage.vue'), meta: { title: '人大代表联络站' } },
  { path: '/stations', name: 'stations', component: () => import('./views/StationFinder.vue'), meta: { title: '找联络站' } },
  { path: '/stations/report/:code?', name: 'report', component: () => import('./views/ReportPage.vue'), meta: { title: '述职评议' } },
  { path: '/stations/:id/appointments', name: 'appointments', component: () => import('./views/AppointmentsPage.vue'), meta: { title: '代表有约' } },
  { path: '/stations/:id', name: 'station', component: () => import('./views/StationPage.vue'), meta: { title: '联络站' } },
  { path: '/mailbox', name: 'mailbox', component: () => import('./views/MailboxPage.vue'), meta: { title: '民情信箱' } },
  { path: '/track', name: 'track', component: () => import('./views/TrackPage.vue'), meta: { title: '查进度' } },
  { path: '/track/appointment', name: 'cancel-appointment', component: () => import('./views/CancelAppointmentPage.vue'), meta: { title: '取消预约' } },
  { path: '/projects', name: 'projects', component: () => import('./views/ProjectsPage.vue'), meta: { title: '民生实事' } },
  { path: '/projects/new', name: 'propose', component: () => import('./views/ProposePage.vue'), meta: { title: '我要点题' } },
  { path: '/projects/:id', name: 'project', component: () => import('./views/ProjectPage.vue'), meta: { title: '民生实事' } },
  { path: '/laws', name: 'laws', component: () => import('./views/DraftsPage.vue'), meta: { title: '立法意见征集' } },
  { path: '/laws/:id', name: 'law', component: () => import('./views/DraftPage.vue'), meta: { title: '立法意见征集' } },
  { path: '/figures', name: 'figures', component: () => import('./views/FiguresPage.vue'), meta: { title: '公开数据' } },
  { path: '/deputy/callback', name: 'deputy-callback', component: () => import('./deputy/CallbackPage.vue'), meta: { deputy: true, title: '登录' } },
  { path: '/deputy/', name: 'deputy', component: () => import('./deputy/DeputyHome.vue'), meta: { deputy: true, title: '代表履职' } },
  { path: '/deputy', redirect: '/deputy/' },
  { path: '/deputy/cases/:id', name: 'deputy-case', component: () => import('./deputy/DeputyCase.vue'), meta: { deputy: true, title: '诉求' } },
  { path: '/deputy/reception', name: 'deputy-reception', component: () => import('./deputy/ReceptionPage.vue'), meta: { deputy: true, title: '登记来访' } },
  { path: '/deputy/appointments', name: 'deputy-appointments', component: () => import('./deputy/AppointmentsPage.vue'), meta: { deputy: true, title: '我的预约' } },
  { path: '/deputy/votes', name: 'deputy-votes', component: () => import('./deputy/VotesPage.vue'), meta: { deputy: true, title: '民生实事票决' } },
  { path: '/deputy/laws', name: 'deputy-laws', component: () => import('./views/DraftsPage.vue'), meta: { deputy: true, title: '立法意见征集' } },
  { path: '/deputy/laws/:id', name: 'deputy-law', component: () => import('./views/DraftPage.vue'), meta: { deputy: true, title: '立法意见征集' } },
  { path: '/deputy/points', name: 'deputy-points', component: () => import('./deputy/PointsPage.vue'), meta: { deputy: true, title: '我的积分' } },
  { path: '/deputy/dossier', name: 'deputy-dossier', component: () => import('./deputy/DossierPage.vue'), meta: { deputy: true, title: '一人一档' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundPage.vue'), meta: { title: '页面不存在' } },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

let started: Promise<void> | undefined

/** The deputies' pages sign in as the console does (code flow with PKCE, back at /deputy/callback). */
function startDeputySession(): Promise<void> {
  started ??= loadConfig().then((config) => {
    startSession(config, DEPUTY_BASE)
  })
  // a failed start (no network) is tried again on the next deputy page
  started.catch(() => (started = undefined))
  return started
}

router.beforeEach(async (to) => {
  if (!to.meta.deputy) return true
  try {
    await startDeputySession()
  } catch {
    return { name: 'home' }
  }
  if (to.name === 'deputy-callback') return true
  if (!caller.value && !(await restore())) {
    await signIn(router.resolve(to.fullPath).href).catch(() => undefined)
    return false
  }
  // an account that is no deputy's (staff signed in to the console in this tab) gets the start page, which says so
  if (!caller.value?.roles.includes('DEPUTY') && to.name !== 'deputy') return { name: 'deputy' }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title && to.name !== 'home' ? `${to.meta.title} · 人大代表联络站` : '人大代表联络站'
})
