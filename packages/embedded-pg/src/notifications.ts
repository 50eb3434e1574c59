/**
 * LISTEN/NOTIFY across connections of the embedded database. PGlite is one backend for every socket
 * connection: a NOTIFY committed by connection B comes out as a NotificationResponse ('A') in B's own
 * answer, never in the answer of connection A that LISTENed. Here each connection's LISTEN/UNLISTEN
 * (simple query) is noted, and every NotificationResponse in any answer is also written to the other
 * connections that listen on its channel, as PostgreSQL would deliver it. The order stays the commit
 * order: answers are produced one at a time, and the copies are written as they come out.
 */
export class NotificationFanOut {
  private readonly channels = new Map<number, Set<string>>();
  private readonly writers = new Map<number, (data: Uint8Array) => void>();

  /** A message a connection sends (before it runs): notes LISTEN / UNLISTEN and where to write to it. */
  sent(handlerId: number, message: Uint8Array, write: (data: Uint8Array) => void): void {
    this.writers.set(handlerId, write);
    // Simple query: 'Q', int32 length, the text, NUL.
    if (message[0] !== 0x51 || message.length < 6) return;
    const text = Buffer.from(message.subarray(5, message.length - 1)).toString('utf8');
    const m = /^\s*(un)?listen\s+(\*|"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)\s*;?\s*$/i.exec(text);
    if (!m) return;
    const channel = m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : m[2] === '*' ? '*' : m[2]!.toLowerCase();
    const set = this.channels.get(handlerId) ?? new Set<string>();
    if (!m[1]) set.add(channel);
    else if (channel === '*') set.clear();
    else set.delete(channel);
    this.channels.set(handlerId, set);
  }

  /** A connection went away. */
  closed(handlerId: number): void {
    this.channels.delete(handlerId);
    this.writers.delete(handlerId);
  }

  /** A reader of one answer (given in chunks) to `handlerId`: copies its notifications to the other listeners. */
  reader(handlerId: number): (chunk: Uint8Array) => void {
    let pending = Buffer.alloc(0);
    return (chunk) => {
      if (this.channels.size === 0) return;
      pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
      let at = 0;
      while (pending.length - at >= 5) {
        const length = pending.readInt32BE(at + 1);
        if (pending.length - at < 1 + length) break;
        if (pending[at] === 0x41) this.fanOut(handlerId, pending.subarray(at, at + 1 + length));
        at += 1 + length;
      }
      pending = pending.subarray(at);
    };
  }

  private fanOut(from: number, message: Buffer): void {
    // 'A', int32 length, int32 process id, channel NUL, payload NUL.
    const end = message.indexOf(0, 9);
    if (end < 0) return;
    const channel = message.subarray(9, end).toString('utf8');
    const copy = new Uint8Array(message);
    for (const [handlerId, set] of this.channels) {
      if (handlerId === from || !set.has(channel)) continue;
      this.writers.get(handlerId)?.(copy);
    }
  }
}
