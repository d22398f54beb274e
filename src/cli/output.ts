// Writes to standard output with back-pressure, and quietly stops when the reader
// goes away (`form4 parse ... | head`).

export class Output {
  readonly #stream: NodeJS.WritableStream;
  closed = false;

  constructor(stream: NodeJS.WritableStream = process.stdout) {
    this.#stream = stream;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (!this.#stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.#stream.off('drain', done);
          this.#stream.off('close', done);
          resolve();
        };
        this.#stream.on('drain', done);
        this.#stream.on('close', done);
      });
    }
  }
}
