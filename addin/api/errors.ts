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
  | 'overloaded'
  | 'bad_response'
  | 'config';

/** Said before anything is sent when no access token is set: the service answers nothing but health without one. */
export const NO_TOKEN_MESSAGE = '未填写访问令牌：请在“设置”中填写计算服务的访问令牌并保存后再计算。未发送任何数据。';

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

/** Where the clerk gave the service's address and token: the pane's 设置, the .xlsx page's fields, the command line. */
export type SettingsPlace = 'pane' | 'page' | 'cli';

/** What to check, in the words of the place the clerk typed it. */
const CHECK: Record<SettingsPlace, { token: string; address: string }> = {
  pane: { token: '请在“设置”中检查访问令牌', address: '请检查“设置”中的地址' },
  page: { token: '请检查本页“计算服务”下填写的访问令牌', address: '请检查本页“计算服务”下填写的地址' },
  cli: { token: '请检查 --token 给出的访问令牌', address: '请检查 --worker 给出的地址' },
};

/**
 * The Chinese message for an HTTP error status; `detail` is the service's own message when it sent one. A 503, or
 * any 5xx that is not the service's own JSON error (e.g. Cloudflare's page for error 1102, a Worker over its CPU
 * limit), means the service ran out of resources for this request: a smaller one may pass.
 */
export function messageForStatus(status: number, detail?: string, ownError = detail !== undefined, place: SettingsPlace = 'pane'): { kind: WorkerErrorKind; message: string } {
  const suffix = detail ? `（${detail}）` : '';
  if (status === 503 || (status >= 500 && !ownError)) {
    return { kind: 'overloaded', message: `计算服务暂时无法处理这么多数据（HTTP ${status}，超出资源上限）${suffix}` };
  }
  switch (status) {
    case 401:
      return { kind: 'unauthorized', message: `令牌无效或未填写（401），${CHECK[place].token}${suffix}` };
    case 413:
      return { kind: 'too_large', message: `请求超过计算服务的大小或行数上限（413）${suffix}` };
    case 429:
      return { kind: 'rate_limited', message: `请求过于频繁（429），请稍后再试${suffix}` };
    case 400:
      return { kind: 'bad_request', message: `计算服务拒绝了请求（400）${suffix}` };
    case 404:
      return { kind: 'bad_request', message: `计算服务地址不对：找不到接口（404），${CHECK[place].address}${suffix}` };
    default:
      return { kind: 'server', message: `计算服务出错（HTTP ${status}）${suffix}` };
  }
}

/** NO_TOKEN_MESSAGE in the words of the place the clerk gives the token. */
export function noTokenMessage(place: SettingsPlace = 'pane'): string {
  switch (place) {
    case 'pane':
      return NO_TOKEN_MESSAGE;
    case 'page':
      return '未填写访问令牌：请在本页“计算服务”下填写访问令牌后再开始。未发送任何数据。';
    case 'cli':
      return '未给出访问令牌：请用 --token 给出计算服务的访问令牌。未发送任何数据。';
  }
}

export function networkErrorMessage(url: string, cause: unknown, place: SettingsPlace = 'pane'): string {
  const why = cause instanceof Error && cause.message ? `（网络错误：${cause.message}）` : '（网络错误）';
  return `无法连接计算服务 ${url}${why}，${CHECK[place].address}和网络`;
}
