/** Injectable time: tests never sleep, they advance the clock. */
export interface Clock {
  now(): number
  advance(ms: number): void
}

export const defaultClockStart = Date.parse('2026-11-26T10:00:00Z')

/** A clock that only moves when told to. */
export function createManualClock(start: number = defaultClockStart): Clock {
  let current = start
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`cannot advance the clock by ${ms} ms`)
      current += ms
    }
  }
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds, e.g. 2026-11-26T10:00:00Z. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
