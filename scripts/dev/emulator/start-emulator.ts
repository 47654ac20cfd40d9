import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as realTimer } from 'node:timers/promises'
import { createManualClock, type Clock } from './clock.js'
import type { EmulatorEnv } from './emulator-env.js'
import { createFaultQueue, type FaultInjector } from './faults.js'
import { handleApiRequest } from './handle-api-request.js'
import { handleLogRequest } from './handle-log-request.js'
import type { RecordedRequest } from './recorded-request.js'
import type { Scenario } from './scenario.js'
import { createState } from './create-state.js'
import type { EmulatorState } from './state.js'

export interface Emulator extends AsyncDisposable {
  /** 'http://127.0.0.1:PORT'; use as Octokit's baseUrl. */
  url: string
  /**
   * Origin of the signed job-log URLs the 302 points at. A separate port, so it is a different
   * origin from `url`, like the blob storage host behind api.github.com.
   */
  logsUrl: string
  /** The live model, for assertions. */
  state: EmulatorState
  /** Every request, in arrival order, including signed log downloads. */
  requests: RecordedRequest[]
  faults: FaultInjector
  clock: Clock
  close(): Promise<void>
  /** Requests other than GET and HEAD. */
  writeRequests(): RecordedRequest[]
  /** Request count per route, e.g. {'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs': 1}. */
  routeCounts(): Record<string, number>
}

export interface EmulatorOptions {
  /** Default: a manual clock at 2026-11-26T10:00:00Z. */
  clock?: Clock
  /**
   * Real milliseconds every response waits, API and signed log downloads alike (default 0): a
   * network's round trip, for `npm run bench` only. Tests leave it at 0; they never sleep.
   */
  latencyMs?: number
  /** How the latency is waited out; default a real timer. A test passes one that only counts. */
  wait?: (ms: number) => Promise<unknown>
}

/** Starts a GitHub REST API emulator on 127.0.0.1 (random ports) seeded from `scenario`. */
export async function startEmulator(
  scenario: Scenario,
  options: EmulatorOptions = {}
): Promise<Emulator> {
  const clock = options.clock ?? createManualClock()
  const requests: RecordedRequest[] = []
  const faults = createFaultQueue()
  let requestCount = 0
  const env: EmulatorEnv = {
    state: createState(scenario, clock),
    clock,
    faults,
    requests,
    apiUrl: '',
    logsUrl: '',
    secret: randomBytes(16).toString('hex'),
    // GitHub's request ids look like 'C0DE:1A2B3C:4D5E6F:7A8B9C:6745A3B0'.
    nextRequestId: () => {
      requestCount++
      const hex = requestCount.toString(16).toUpperCase().padStart(6, '0')
      return `E3A1:${hex}:${hex}:${hex}:${Math.floor(clock.now() / 1000)
        .toString(16)
        .toUpperCase()}`
    }
  }

  const latencyMs = options.latencyMs ?? 0
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new RangeError(`latencyMs must be 0 or more, not ${latencyMs}`)
  const wait = options.wait ?? realTimer
  // Waiting before the handler rather than after it looks the same to a client: the response
  // comes one latency later either way.
  const delayed =
    (handler: Handler): Handler =>
    async (req, res) => {
      if (latencyMs > 0) await wait(latencyMs)
      await handler(req, res)
    }
  const api = await listen(delayed((req, res) => handleApiRequest(env, req, res)))
  const logs = await listen(delayed((req, res) => handleLogRequest(env, req, res)))
  env.apiUrl = api.url
  env.logsUrl = logs.url

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= Promise.all([stop(api.server), stop(logs.server)]).then(() => undefined)
    return closing
  }
  return {
    url: api.url,
    logsUrl: logs.url,
    state: env.state,
    requests,
    faults: { add: f => faults.add(f), clear: () => faults.clear() },
    clock,
    close,
    [Symbol.asyncDispose]: close,
    writeRequests: () => requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD'),
    routeCounts: () => {
      const counts: Record<string, number> = {}
      for (const r of requests) counts[r.route] = (counts[r.route] ?? 0) + 1
      return counts
    }
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      // A bug in the emulator must fail the client's request loudly, not hang it.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`emulator crashed: ${error instanceof Error ? error.stack : String(error)}`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

async function stop(server: Server): Promise<void> {
  // Octokit's fetch keeps connections alive; without this close() would wait for them to idle out.
  server.closeAllConnections()
  await new Promise<void>(resolve => server.close(() => resolve()))
}
