// A list of objects or texts kept in chunks of a fixed size. A list that grows by push is copied into a new backing
// store half as large again each time it fills; for a roster's lists (tens of thousands of entries) each copy is a
// new large object of the heap, on fresh memory the system has to map page by page (`perf` of 100,000-row calls on
// `npm run bench`'s rows put about a tenth of evaluate + compact encoding in growing the summary's attention lists and
// faulting in their pages: docs/benchmark-log.md, 2026-12-08). A chunk is never copied into a larger one, and at
// 32 KiB it is an ordinary object of the heap.
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

export type ChunkedList<T> = { chunks: T[][]; length: number };

export function chunkedList<T>(): ChunkedList<T> {
  return { chunks: [], length: 0 };
}

export function pushChunked<T>(list: ChunkedList<T>, value: T): void {
  const k = list.length & (CHUNK - 1);
  if (k === 0) list.chunks.push(new Array<T>(CHUNK));
  list.chunks[list.length >>> CHUNK_BITS][k] = value;
  list.length++;
}

/** Entry i (0 ≤ i < length). */
export function chunkedAt<T>(list: ChunkedList<T>, i: number): T {
  return list.chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
}
