/** A hand-driven clock for the token cache and the verifier. */
export class FakeClock {
  constructor(public ms = Date.UTC(2026, 0, 1, 9, 0, 0)) {}

  readonly now = (): number => this.ms;

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}
