/** Which stream a chunk of container output came from. */
export type OutputStream = 'stdout' | 'stderr';

/**
 * Splits Docker's multiplexed attach/exec stream (8-byte frame headers: stream type, 3 zero
 * bytes, big-endian length) into stdout and stderr chunks, across arbitrary chunk boundaries.
 */
export class StreamDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onChunk: (stream: OutputStream, text: string) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const type = this.pending[0];
      const length = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + length) break;
      const payload = this.pending.subarray(8, 8 + length);
      this.pending = this.pending.subarray(8 + length);
      // Type 0 is stdin echoed back; treat it as stdout like the CLI does.
      this.onChunk(type === 2 ? 'stderr' : 'stdout', payload.toString('utf8'));
    }
  }

  /** Bytes of an unfinished frame, when the stream ended early. */
  get leftover(): number {
    return this.pending.length;
  }
}

/** Collects demultiplexed output, keeping the combined text and each stream apart (bounded). */
export class OutputCollector {
  stdout = '';
  stderr = '';
  combined = '';
  private truncated = false;

  constructor(private readonly limit = 64 * 1024) {}

  add(stream: OutputStream, text: string): void {
    if (this.combined.length >= this.limit) {
      this.truncated = true;
      return;
    }
    const room = this.limit - this.combined.length;
    const piece = text.slice(0, room);
    this.combined += piece;
    if (stream === 'stdout') this.stdout += piece;
    else this.stderr += piece;
    if (piece.length < text.length) this.truncated = true;
  }

  get text(): string {
    return this.truncated ? `${this.combined}\n… (output truncated)` : this.combined;
  }
}
