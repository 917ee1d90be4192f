/** An answer of the API that is not a success, read from its application/problem+json body (RFC 9457). */
export interface FieldProblem {
  field: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  /** the problem's type URI (…/already-voted), '' when the answer had none */
  readonly type: string
  readonly title: string
  readonly detail: string | undefined
  readonly errors: FieldProblem[]

  constructor(status: number, body: unknown) {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as {
      type?: string
      title?: string
      detail?: string
      errors?: FieldProblem[]
    }
    super(messageFor(status))
    this.status = status
    this.type = problem.type ?? ''
    this.title = problem.title ?? ''
    this.detail = problem.detail
    this.errors = Array.isArray(problem.errors) ? problem.errors.filter((e) => e && typeof e.field === 'string') : []
  }

  /** The Chinese sentence for the status, and the API's own detail when it says more. */
  get description(): string {
    return this.detail ? `${this.message}:${this.detail}` : this.message
  }
}

/** What a person is told for each kind of failure. */
export function messageFor(status: number): string {
  switch (status) {
    case 0:
      return '无法连接服务器,请检查网络后重试'
    case 400:
      return '请求参数有误'
    case 401:
      return '登录已失效,请重新登录'
    case 403:
      return '无权访问:超出您的权限或管辖区域'
    case 404:
      return '未找到所请求的内容'
    case 409:
      return '状态冲突:当前状态不允许此操作,请刷新后重试'
    case 413:
      return '提交的内容过大'
    case 422:
      return '无法处理:提交的内容不符合要求'
    case 429:
      return '操作过于频繁,请稍后再试'
    default:
      return status >= 500 ? '服务暂时不可用,请稍后再试' : `请求失败(${status})`
  }
}
