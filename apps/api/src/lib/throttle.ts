/**
 * Failed password attempts (sign-in, password change), kept in memory: one process serves the app,
 * and forgetting counts on restart is harmless. A window starts at the first failure. The app keeps
 * two: per (account, address) pair — a locked pair never blocks the same account elsewhere, so a
 * stranger cannot lock a real user out — and per address, with a generous ceiling for guessing
 * across many names (docs/decisions/0016-safe-on-a-network.md).
 */
export class Throttle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  blockedFor(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.limit ? entry.resetAt - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
    if (this.failures.size > 10_000) this.sweep(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private sweep(now: number) {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures per (account, address) pair, and per address, within the window. */
export const THROTTLE_LIMITS = { perPair: 5, perAddress: 100 };
