/**
 * The emulator's notion of "now" for call data. It can start at any instant and run faster than real
 * time (soak tests run a day in minutes). Tokens and rate limits always use real time: they are
 * about the client's wall clock, not the call center's.
 */
export class EmulatorClock {
  private realAnchor = Date.now();
  private anchor: number;
  private factor: number;

  constructor(start: number = Date.now(), speed = 1) {
    this.anchor = start;
    this.factor = speed;
  }

  now(): number {
    return this.anchor + (Date.now() - this.realAnchor) * this.factor;
  }

  get speed(): number {
    return this.factor;
  }

  set(options: { now?: number; speed?: number }): void {
    const current = this.now();
    this.realAnchor = Date.now();
    this.anchor = options.now ?? current;
    if (options.speed !== undefined) this.factor = options.speed;
  }
}
