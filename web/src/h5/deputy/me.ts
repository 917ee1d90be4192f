import { computed } from 'vue'
import { caller, signOut } from '@/auth/session'

/** The deputy signed in, as their token says (deputyId and region are Keycloak attributes only an admin edits). */
export function useMe() {
  const deputyId = computed(() => caller.value?.deputyId ?? '')
  const region = computed(() => caller.value?.region ?? '')
  const name = computed(() => caller.value?.name ?? '')
  const isDeputy = computed(() => !!caller.value?.roles.includes('DEPUTY') && !!caller.value?.deputyId)
  return { deputyId, region, name, isDeputy, signOut }
}

/** This year in the province. */
export const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
