export interface FaultSpec {
  /** A route template as in RecordedRequest.route ('POST /repos/{owner}/{repo}/issues'); a bare
   * template without the method matches any method. Omitted: every route. */
  route?: string
  method?: string
  status: number
  /** How many matching requests fail; default 1. */
  times?: number
  headers?: Record<string, string>
  /** Default: GitHub's error body for the status. */
  body?: unknown
}

export interface FaultInjector {
  add(f: FaultSpec): void
  clear(): void
}

interface PendingFault extends FaultSpec {
  left: number
}

/** Fault queue; the server asks `take` before doing anything else with a request. */
export interface FaultQueue extends FaultInjector {
  take(method: string, route: string): FaultSpec | undefined
  pending(): number
}

export function createFaultQueue(): FaultQueue {
  let faults: PendingFault[] = []
  return {
    add(fault) {
      const left = fault.times ?? 1
      if (!Number.isInteger(left) || left < 1)
        throw new RangeError(`fault times must be ≥ 1, got ${left}`)
      faults.push({ ...fault, left })
    },
    clear() {
      faults = []
    },
    take(method, route) {
      const template = route.includes(' ') ? route.slice(route.indexOf(' ') + 1) : route
      const fault = faults.find(f => {
        if (f.method !== undefined && f.method.toUpperCase() !== method) return false
        if (f.route === undefined) return true
        return f.route.includes(' ') ? f.route === route : f.route === template
      })
      if (!fault) return undefined
      fault.left--
      if (fault.left === 0) faults = faults.filter(f => f !== fault)
      return fault
    },
    pending: () => faults.reduce((n, f) => n + f.left, 0)
  }
}
