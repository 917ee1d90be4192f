import { shallowRef, watch } from 'vue'
import { rollOf } from '@/api/deputies'

/**
 * The names of the active deputies of a region (its roll), for lists that carry deputy ids only: `nameOf(id)`, or the
 * id's first eight characters for one the roll does not hold (a deputy no longer active, or a roll that failed).
 */
export function useDeputyNames(region: () => string) {
  const names = shallowRef(new Map<string, string>())
  watch(
    region,
    async (code) => {
      try {
        names.value = new Map((await rollOf(code)).map((d) => [d.id, d.name]))
      } catch {
        names.value = new Map()
      }
    },
    { immediate: true },
  )
  return { nameOf: (id: string) => names.value.get(id) ?? id.slice(0, 8) }
}
