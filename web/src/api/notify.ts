import { ElMessage } from 'element-plus'
// an explicit import of ElMessage does not bring its styles (only the auto-import does, and vue-tsc runs before it)
import 'element-plus/es/components/message/style/css'

/** Tells the person that what they did was done (a Chinese sentence, announced by screen readers). */
export function success(text: string): void {
  ElMessage({ type: 'success', message: text, showClose: true })
}

/** Tells the person that something failed, outside any form. */
export function failure(text: string): void {
  ElMessage({ type: 'error', message: text, showClose: true, duration: 6000 })
}
