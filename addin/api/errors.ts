// Worker failures, each with a Chinese message the task pane shows as is.

export type WorkerErrorKind =
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'unauthorized'
  | 'too_large'
  | 'rate_limited'
  | 'bad_request'
  | 'server'
  | 'bad_response'
  | 'config';

export class WorkerError extends Error {
  override readonly name = 'WorkerError';
  constructor(
    readonly kind: WorkerErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** Seconds the Worker asked to wait (Retry-After of a 429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The Chinese message for an HTTP error status; `detail` is the Worker's own message when it sent one. */
export function messageForStatus(status: number, detail?: string): { kind: WorkerErrorKind; message: string } {
  const suffix = detail ? `（${detail}）` : '';
  switch (status) {
    case 401:
      return { kind: 'unauthorized', message: `令牌无效或未填写（401），请在“设置”中检查访问令牌${suffix}` };
    case 413:
      return { kind: 'too_large', message: `请求超过计算服务的大小或行数上限（413）${suffix}` };
    case 429:
      return { kind: 'rate_limited', message: `请求过于频繁（429），请稍后再试${suffix}` };
    case 400:
      return { kind: 'bad_request', message: `计算服务拒绝了请求（400）${suffix}` };
    case 404:
      return { kind: 'bad_request', message: `计算服务地址不对：找不到接口（404），请检查“设置”中的地址${suffix}` };
    default:
      return { kind: 'server', message: `计算服务出错（HTTP ${status}）${suffix}` };
  }
}

export function networkErrorMessage(url: string, cause: unknown): string {
  const why = cause instanceof Error && cause.message ? `（网络错误：${cause.message}）` : '（网络错误）';
  return `无法连接计算服务 ${url}${why}，请检查“设置”中的地址和网络`;
}
