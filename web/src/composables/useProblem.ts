import { reactive, ref } from 'vue'
import { ApiError, messageFor } from '@/api/problem'
import { chineseOf } from '@/api/sentences'

/**
 * A form's errors from the API: `fieldError(name)` is what the API said about the field (for el-form-item's :error),
 * `message` the sentence for the whole answer (for an el-alert). Every form of the console uses it.
 */
export function useProblem() {
  const fields = reactive<Record<string, string>>({})
  const message = ref('')

  function clear() {
    for (const key of Object.keys(fields)) delete fields[key]
    message.value = ''
  }

  function show(error: unknown) {
    clear()
    if (error instanceof ApiError) {
      for (const e of error.errors) {
        // "body.unitId" and "unitId" name the same input; "deputyIds[1]" is an entry of the deputyIds input
        const name = (e.field.split('.').pop() ?? e.field).replace(/\[\d+\]$/, '')
        const said = chineseOf(e.message)
        fields[name] = fields[name] ? `${fields[name]};${said}` : said
      }
      // the fields say what is wrong in Chinese; the detail would say it again in the API's English
      message.value = error.errors.length ? `${error.message},请按字段旁的提示修改` : error.description
    } else {
      message.value = messageFor(0)
    }
  }

  function fieldError(name: string): string {
    return fields[name] ?? ''
  }

  /** Runs a call; on failure keeps its problem and answers undefined. */
  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    clear()
    try {
      return await work()
    } catch (e) {
      show(e)
      return undefined
    }
  }

  return { fields, message, clear, show, fieldError, guard }
}
