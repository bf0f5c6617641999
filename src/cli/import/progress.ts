import { SingleBar } from 'cli-progress';

export interface ProgressSnapshot {
  /** Rows read by the whole import, earlier runs included. */
  rows: number;
  rowsThisRun: number;
  elapsedMs: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  stop(): void;
}

/** A bar with rate and ETA on a terminal; plain lines at an interval otherwise (logs, CI, pipes). */
export function createProgressReporter(stream: NodeJS.WriteStream, intervalMs: number): ProgressReporter {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, intervalMs);
}

class BarProgress implements ProgressReporter {
  private readonly bar: SingleBar;
  private started = false;

  constructor(stream: NodeJS.WriteStream) {
    this.bar = new SingleBar({
      stream,
      format: 'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
    });
  }

  update(snapshot: ProgressSnapshot): void {
    const payload = { rows: snapshot.rows.toLocaleString('en'), rate: rateOf(snapshot) };
    if (!this.started) {
      this.bar.start(snapshot.totalBytes, snapshot.bytesRead, payload);
      this.started = true;
    } else this.bar.update(snapshot.bytesRead, payload);
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}

class LineProgress implements ProgressReporter {
  private lastPrinted = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs: number,
  ) {}

  update(snapshot: ProgressSnapshot): void {
    const now = Date.now();
    if (now - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = now;
    const fraction = snapshot.totalBytes > 0 ? snapshot.bytesRead / snapshot.totalBytes : 1;
    const remainingMs = fraction > 0 && snapshot.elapsedMs > 0 ? (snapshot.elapsedMs * (1 - fraction)) / fraction : undefined;
    const eta = remainingMs === undefined ? '?' : formatDuration(remainingMs);
    this.stream.write(`progress: ${snapshot.rows} rows, ${Math.round(fraction * 100)}% of the file, ${rateOf(snapshot)} rows/s, ETA ${eta}\n`);
  }

  stop(): void {}
}

/** Rows per second of this run (an earlier run's rows were not read at this speed). */
function rateOf(snapshot: ProgressSnapshot): number {
  return snapshot.elapsedMs > 0 ? Math.round((snapshot.rowsThisRun * 1000) / snapshot.elapsedMs) : 0;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
