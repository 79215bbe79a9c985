// One growing byte buffer for a part being written: ranges of the input's bytes copied and our text encoded straight
// into it (no string or view per cell), so a 100,000-row sheet costs its bytes and little else.

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

  /** Our text, UTF-8 encoded here (no encoder call, no view, no string made per call). */
  text(s: string): void {
    const n = s.length;
    if (n === 0) return;
    this.ensure(n * 3);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) buf[at++] = c;
      else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[at++] = 0xf0 | (c >> 18);
        buf[at++] = 0x80 | ((c >> 12) & 0x3f);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = at;
  }

  /** The bytes written (a view; the sink is not used afterwards). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
