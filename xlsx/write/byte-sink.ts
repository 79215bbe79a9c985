// One growing byte buffer for a part being written: ranges of the input's bytes copied and our text encoded straight
// into it (no string or view per cell), so a 100,000-row sheet costs its bytes and little else.

const encoder = new TextEncoder();

export class ByteSink {
  private buf: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(1024, capacity));
  }

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Copies src[start, end). */
  copy(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    this.ensure(n);
    if (n < 128) {
      const buf = this.buf;
      let at = this.length;
      for (let i = start; i < end; i++) buf[at++] = src[i];
    } else this.buf.set(src.subarray(start, end), this.length);
    this.length += n;
  }

  bytes(b: Uint8Array): void {
    this.copy(b, 0, b.length);
  }

  text(s: string): void {
    const n = s.length;
    if (n === 0) return;
    this.ensure(n * 3);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // not ASCII: the rest through the encoder
        this.length = at + encoder.encodeInto(s.slice(i), buf.subarray(at)).written;
        return;
      }
      buf[at++] = c;
    }
    this.length = at;
  }

  /** The bytes written (a view; the sink is not used afterwards). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
