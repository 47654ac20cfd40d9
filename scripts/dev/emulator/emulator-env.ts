import type { Clock } from './clock.js'
import type { FaultQueue } from './faults.js'
import type { RecordedRequest } from './recorded-request.js'
import type { EmulatorState } from './state.js'

/** Shared by both listeners: the API origin and the log-storage origin. */
export interface EmulatorEnv {
  state: EmulatorState
  clock: Clock
  faults: FaultQueue
  requests: RecordedRequest[]
  apiUrl: string
  logsUrl: string
  /** HMAC key for signed log URLs. */
  secret: string
  nextRequestId(): string
}
