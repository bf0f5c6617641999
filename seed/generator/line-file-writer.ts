import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_BYTES = 1 << 20;

/** Appends lines to a file in ~1 MiB writes, waiting when the disk falls behind, so memory stays flat. */
export class LineFileWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  append(line: string): void {
    this.pending.push(line);
    this.pendingLength += line.length;
  }

  get wantsFlush(): boolean {
    return this.pendingLength >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
