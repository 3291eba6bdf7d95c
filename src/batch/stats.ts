/**
 * Counters of a batch run and the one-line summary printed at its end, so
 * that a run's yield (and its losses) can be read off without any tooling.
 */
export class BatchStats {
  docs = 0;
  failed = 0;
  bytesIn = 0;
  bytesOut = 0;
  textChars = 0;
  removedChars = 0;
  inputsSkipped = 0;
  inputsFailed = 0;
  readonly started = performance.now();

  /** Count one cleaned document (a `.txt` input; record batches add theirs in bulk). */
  addDocument(textChars: number, removedChars: number, bytesIn: number, bytesOut: number): void {
    this.docs++;
    this.textChars += textChars;
    this.removedChars += removedChars;
    this.bytesIn += bytesIn;
    this.bytesOut += bytesOut;
  }

  summary(errorsFile?: string): string {
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const share = this.textChars ? ((100 * this.removedChars) / this.textChars).toFixed(1) : '0.0';
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const parts = [
      `${this.docs} documents`,
      `${mb(this.bytesIn)} MB in`,
      `${mb(this.bytesOut)} MB out`,
      `${share}% removed`,
      `${this.failed} failed${this.failed && errorsFile ? ` (see ${errorsFile})` : ''}`,
    ];
    if (this.inputsFailed) parts.push(`${this.inputsFailed} inputs failed`);
    if (this.inputsSkipped) parts.push(`${this.inputsSkipped} inputs done before (--resume)`);
    return `${parts.join(', ')}, ${seconds} s`;
  }
}
