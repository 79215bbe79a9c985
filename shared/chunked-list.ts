// A list of objects or texts kept in chunks of a fixed size. A list that grows by push is copied into a new backing
// store half as large again each time it fills; for a roster's lists (tens of thousands of entries) each copy is a
// new large object of the heap, on fresh memory the system has to map page by page (a CPU profile of `npm run bench`
// put a tenth of evaluate + compact encoding in growing the summary's attention list and faulting in its pages). A
// chunk never moves and is small enough to be an ordinary object.
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
