/**
 * The emulator's notion of "now" for call data. It can start at any instant and run faster than real
 * time. Tokens always use real time; rate limits use real time unless a soak test hands the emulator
 * its virtual clock (EmulatorConfig.timeSource), so that a simulated day keeps exact rate windows.
 */
export class EmulatorClock {
  private realAnchor: number;
  private anchor: number;
  private factor: number;

  /** `source` is real time, or a test's virtual clock when a soak test runs a day in seconds. */
  constructor(
    start: number = Date.now(),
    speed = 1,
    private readonly source: () => number = Date.now,
  ) {
    this.realAnchor = source();
    this.anchor = start;
    this.factor = speed;
  }

  now(): number {
    return this.anchor + (this.source() - this.realAnchor) * this.factor;
  }

  get speed(): number {
    return this.factor;
  }

  set(options: { now?: number; speed?: number }): void {
    const current = this.now();
    this.realAnchor = this.source();
    this.anchor = options.now ?? current;
    if (options.speed !== undefined) this.factor = options.speed;
  }
}
