import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { CONSOLE_BASE, caller, restore, signIn } from '@/auth/session'
import { AREAS, homeOf, mayUse } from '@/roles'

declare module 'vue-router' {
  interface RouteMeta {
    /** the menu area the page belongs to (the role check); none for pages anyone may see */
    area?: string
    /** pages shown without a session (the sign-in callback) */
    public?: boolean
    title?: string
  }
}

// Each area's pages are their own chunks, loaded when first opened: the first page stays small.
const routes: RouteRecordRaw[] = [
  { path: '/callback', component: () => import('@/views/auth/CallbackPage.vue'), meta: { public: true, title: '登录' } },
  { path: '/sign-in-failed', name: 'sign-in-failed', component: () => import('@/views/auth/SignInFailed.vue'), meta: { public: true, title: '登录服务暂不可用' } },
  {
    path: '/',
    component: () => import('@/components/AppFrame.vue'),
    children: [
      { path: '', name: 'overview-home', component: () => import('@/views/overview/OverviewPage.vue'), meta: { area: 'overview', title: '总览' } },
      { path: 'overview/:region', name: 'overview', component: () => import('@/views/overview/OverviewPage.vue'), meta: { area: 'overview', title: '总览' } },
      { path: 'cases', name: 'cases', component: () => import('@/views/cases/CaseList.vue'), meta: { area: 'cases', title: '群众诉求' } },
      { path: 'cases/:id', name: 'case', component: () => import('@/views/cases/CasePage.vue'), meta: { area: 'cases', title: '诉求详情' } },
      { path: 'stations', name: 'stations', component: () => import('@/views/stations/StationList.vue'), meta: { area: 'stations', title: '联络站' } },
      { path: 'stations/new', name: 'station-new', component: () => import('@/views/stations/StationNew.vue'), meta: { area: 'stations', title: '新建联络站' } },
      { path: 'stations/:id', name: 'station', component: () => import('@/views/stations/StationPage.vue'), meta: { area: 'stations', title: '联络站' } },
      { path: 'deputies', name: 'deputies', component: () => import('@/views/deputies/DeputyList.vue'), meta: { area: 'deputies', title: '代表' } },
      { path: 'deputies/import', name: 'deputy-import', component: () => import('@/views/deputies/DeputyImport.vue'), meta: { area: 'deputies', title: '导入代表名册' } },
      { path: 'deputies/:id', name: 'deputy', component: () => import('@/views/deputies/DeputyPage.vue'), meta: { area: 'deputies', title: '一人一档' } },
      { path: 'points', name: 'points', component: () => import('@/views/points/PointsPage.vue'), meta: { area: 'points', title: '履职积分' } },
      { path: 'points/deputies/:id', name: 'deputy-points', component: () => import('@/views/points/LedgerPage.vue'), meta: { area: 'points', title: '积分明细' } },
      { path: 'suggestions', name: 'suggestions', component: () => import('@/views/suggestions/SuggestionList.vue'), meta: { area: 'suggestions', title: '代表建议' } },
      { path: 'suggestions/new', name: 'suggestion-new', component: () => import('@/views/suggestions/SuggestionNew.vue'), meta: { area: 'suggestions', title: '提出建议' } },
      { path: 'suggestions/:id', name: 'suggestion', component: () => import('@/views/suggestions/SuggestionPage.vue'), meta: { area: 'suggestions', title: '代表建议' } },
      { path: 'livelihood', name: 'livelihood', component: () => import('@/views/livelihood/ProjectList.vue'), meta: { area: 'livelihood', title: '民生实事' } },
      { path: 'livelihood/:id', name: 'project', component: () => import('@/views/livelihood/ProjectPage.vue'), meta: { area: 'livelihood', title: '民生实事' } },
      { path: 'drafts', name: 'drafts', component: () => import('@/views/drafts/DraftList.vue'), meta: { area: 'drafts', title: '立法意见征集' } },
      { path: 'drafts/new', name: 'draft-new', component: () => import('@/views/drafts/DraftNew.vue'), meta: { area: 'drafts', title: '发布草案' } },
      { path: 'drafts/:id', name: 'draft', component: () => import('@/views/drafts/DraftPage.vue'), meta: { area: 'drafts', title: '立法意见征集' } },
      { path: 'moderation', name: 'moderation', component: () => import('@/views/moderation/ModerationQueue.vue'), meta: { area: 'moderation', title: '内容审核' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/misc/ForbiddenPage.vue'), meta: { title: '无权访问' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/misc/NotFoundPage.vue'), meta: { title: '页面不存在' } },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(CONSOLE_BASE),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!caller.value && !(await restore())) {
    // the identity provider brings the person back to the page asked for
    const returnTo = router.resolve(to.fullPath).href
    try {
      await signIn(returnTo)
      return false
    } catch {
      return { name: 'sign-in-failed', query: { returnTo } }
    }
  }
  const roles = caller.value?.roles ?? []
  const area = AREAS.find((a) => a.key === to.meta.area)
  if (area && !mayUse(area, roles)) {
    // the start page of a role without the dashboard is its first area (a HANDLER's queue)
    return to.name === 'overview-home' ? homeOf(roles) : { name: 'forbidden' }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 联络工作台` : '联络工作台'
})
