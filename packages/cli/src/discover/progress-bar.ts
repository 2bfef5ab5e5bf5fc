const WIDTH = 30;
const EVERY_MS = 100;

const size = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} kB`;

/** Bytes read of the file's size, redrawn on one stderr line at most every 100 ms; silent when stderr is not a terminal. */
export class ProgressBar {
  #read = 0;
  #drawn = 0;
  readonly #enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.#enabled = stream.isTTY === true;
  }

  add(bytes: number): void {
    this.#read += bytes;
    if (!this.#enabled) return;
    const now = Date.now();
    if (now - this.#drawn < EVERY_MS) return;
    this.#drawn = now;
    this.#draw();
  }

  /** Draws the last state and moves to the next line. */
  done(): void {
    if (!this.#enabled) return;
    this.#draw();
    this.stream.write('\n');
  }

  /** Prints a line above the bar without breaking it. */
  note(line: string): void {
    if (this.#enabled) this.stream.write('\r\u001b[2K');
    this.stream.write(`${line}\n`);
  }

  #draw(): void {
    const share = this.total > 0 ? Math.min(1, this.#read / this.total) : 1;
    const filled = Math.round(share * WIDTH);
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${size(this.#read)} / ${size(this.total)}`);
  }
}
