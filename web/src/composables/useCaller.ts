import { computed } from 'vue'
import { caller, type Role } from '@/auth/session'

/** Who is signed in and what their roles allow: `may('ADMIN', 'SUPERVISOR')` mirrors an operation's x-roles. */
export function useCaller() {
  const roles = computed<Role[]>(() => caller.value?.roles ?? [])
  function may(...allowed: Role[]): boolean {
    return allowed.some((r) => roles.value.includes(r))
  }
  return {
    caller,
    roles,
    may,
    region: computed(() => caller.value?.region ?? '43'),
    deputyId: computed(() => caller.value?.deputyId),
  }
}
