// Chunk planning: how many rows go into one Worker request and one Excel read or write.

/** Limits the add-in keeps to. Excel on the web rejects a request or response over 5 MB. */
export const LIMITS = {
  /** Rows a request when the service does not advertise its limits: it accepts at least 5,000 (docs/api.md). */
  maxRowsPerRequest: 5000,
  /** Request body budget when the service does not say; it accepts at least 5 MB. */
  maxRequestBytes: 4_000_000,
  /** Share of the service's advertised body limit a request may use (the rest is the JSON envelope's headroom). */
  requestBytesShare: 0.9,
  /** Requests in flight at once: enough to hide network latency, few enough for the service's rate limit. */
  requestConcurrency: 4,
  /** Excel on the web's payload limit per context.sync(). */
  excelPayloadLimitBytes: 5 * 1024 * 1024,
  /** Budget per sync, with headroom for Office.js's own envelope. */
  excelBudgetBytes: 4_000_000,
  /** Bytes assumed per cell when sizing a read before anything is known about the cells. */
  readCellBytesEstimate: 96,
  /** Upper bound of rows in one Excel read or write. */
  maxRowsPerExcelChunk: 20_000,
} as const;

/** What GET /v1/health advertises (every field optional: an older service says nothing). */
export type ServiceLimits = { maxRows?: unknown; maxBodyBytes?: unknown; rowsPerRequest?: unknown };
/** How the add-in sizes its requests to the 计算服务. */
export type RequestLimits = { maxRowsPerRequest: number; maxRequestBytes: number; concurrency: number };

const positive = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : null);

/**
 * Request sizes from the service's advertised limits: its recommended rows per request (never above its maximum),
 * and a share of its body limit; today's fixed limits where it says nothing.
 */
export function requestLimitsFrom(service: ServiceLimits | null | undefined): RequestLimits {
  const maxRows = positive(service?.maxRows);
  const recommended = positive(service?.rowsPerRequest) ?? maxRows ?? LIMITS.maxRowsPerRequest;
  const bodyBytes = positive(service?.maxBodyBytes);
  return {
    maxRowsPerRequest: Math.min(recommended, maxRows ?? recommended),
    maxRequestBytes: bodyBytes ? Math.max(1, Math.floor(bodyBytes * LIMITS.requestBytesShare)) : LIMITS.maxRequestBytes,
    concurrency: LIMITS.requestConcurrency,
  };
}

/** Rows [start, end) of one chunk. */
export type Chunk = { start: number; end: number };

export function planFixedChunks(total: number, size: number): Chunk[] {
  if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
  const chunks: Chunk[] = [];
  for (let start = 0; start < total; start += size) chunks.push({ start, end: Math.min(total, start + size) });
  return chunks;
}

/**
 * Greedy chunks: consecutive items whose byte sizes add up to at most maxBytes and whose count is at most maxRows.
 * An item bigger than maxBytes on its own gets a chunk of its own (the caller decides whether that is an error).
 */
export function planChunksBySize(sizes: readonly number[], maxBytes: number, maxRows: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i];
    const count = i - start;
    if (count > 0 && (bytes + size > maxBytes || count >= maxRows)) {
      chunks.push({ start, end: i });
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < sizes.length) chunks.push({ start, end: sizes.length });
  return chunks;
}

/** UTF-8 byte length of a string without allocating an encoder per call. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value once serialised as JSON (what Office.js and fetch send). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Rows per read so that rows × columns × estimate stays within the Excel budget. */
export function readChunkRows(columnCount: number): number {
  const perRow = Math.max(1, columnCount) * LIMITS.readCellBytesEstimate;
  return Math.max(1, Math.min(LIMITS.maxRowsPerExcelChunk, Math.floor(LIMITS.excelBudgetBytes / perRow)));
}
