import { ref, shallowRef } from 'vue'
import { useProblem } from './useProblem'

/** The deepest row a page of the API may start at (page × size; deeper is a 400): pagers offer no page past it. */
export const DEEPEST_ROW = 100_000

interface Page<T> {
  items: T[]
  total: number
}

/**
 * A paged list: `load(page)` asks the loader for a page (from 0) and keeps its items; the pager shows pages from 1.
 * A failure is kept in `problem` for the page's alert.
 */
export function usePaged<T>(loader: (page: number, size: number) => Promise<Page<T>>, size = 20) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const current = ref(1)
  const pageSize = ref(size)
  const loading = ref(false)
  const problem = useProblem()

  async function load(page = current.value) {
    loading.value = true
    current.value = page
    const result = await problem.guard(() => loader(page - 1, pageSize.value))
    if (result) {
      items.value = result.items
      total.value = result.total
    } else {
      items.value = []
      total.value = 0
    }
    loading.value = false
  }

  return { items, total, current, pageSize, loading, problem, load }
}

/** What usePaged answers, for components that show a paged list. */
export type Paged<T> = ReturnType<typeof usePaged<T>>
