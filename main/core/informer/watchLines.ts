/**
 * Splits a watch response (newline-delimited JSON over chunked HTTP) into complete lines.
 * A line may be split across chunks, and a multi-byte UTF-8 character across two chunks
 * (StringDecoder keeps the partial bytes).
 */
import { StringDecoder } from 'node:string_decoder';

/** A line longer than this is not a watch event we can handle; treat the stream as broken. */
export const MAX_WATCH_LINE = 128 * 1024 * 1024;

export class WatchLineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** Feeds one chunk; returns the complete lines it finished (without newlines, blanks skipped). */
  push(chunk: Buffer | string): string[] {
    const text = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const parts = text.split('\n');
    this.pending = parts.pop() ?? '';
    if (this.pending.length > MAX_WATCH_LINE) throw new Error(`watch line longer than ${MAX_WATCH_LINE} bytes`);
    return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p)).filter((p) => p.trim() !== '');
  }

  /** What is left when the stream ends (a final line without newline, or a truncated one). */
  rest(): string {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    return rest.trim();
  }
}
