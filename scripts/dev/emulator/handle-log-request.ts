import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { timingSafeEqual } from 'node:crypto'
import { isoSeconds } from './clock.js'
import type { EmulatorEnv } from './emulator-env.js'
import { logSignature } from './handle-api-request.js'
import { readToken, signedLogRoute, type RecordedRequest } from './recorded-request.js'
import type { SeedLog } from './scenario.js'

const chunkBytes = 64 * 1024

/**
 * The log-storage origin that job-log redirects point at. It stands in for the Azure blob
 * behind the real 302: the URL carries its own signature, so any Authorization header is
 * refused (400, as Azure does for a token it can't parse), and an expired link gets 403.
 * It lives on its own port, i.e. a different origin, so fetch drops Authorization when it
 * follows the redirect, exactly as it does for the real cross-origin blob URL.
 */
export async function handleLogRequest(
  env: EmulatorEnv,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const url = new URL(req.url ?? '/', env.logsUrl)
  const method = (req.method ?? 'GET').toUpperCase()
  const match = /^\/_signed\/job-logs\/(\d+)$/.exec(url.pathname)
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    route: match && method === 'GET' ? signedLogRoute : 'UNKNOWN',
    status: 0,
    token: readToken(req.headers.authorization),
    body: null,
    at: env.clock.now()
  }
  env.requests.push(record)
  req.resume()
  const requestId = env.nextRequestId()
  const fail = (status: number, code: string, message: string, detail?: string): void => {
    record.status = status
    const xml =
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\n` +
      `RequestId:${requestId}\nTime:${new Date(env.clock.now()).toISOString()}</Message>` +
      (detail ? `<AuthenticationErrorDetail>${detail}</AuthenticationErrorDetail>` : '') +
      '</Error>'
    res.writeHead(status, {
      'content-type': 'application/xml',
      'x-ms-request-id': requestId,
      'x-ms-error-code': code,
      'content-length': String(Buffer.byteLength(xml))
    })
    res.end(xml)
  }

  const fault = env.faults.take(method, record.route)
  if (fault) {
    record.status = fault.status
    const text =
      fault.body === undefined
        ? ''
        : typeof fault.body === 'string'
          ? fault.body
          : JSON.stringify(fault.body)
    res.writeHead(fault.status, {
      ...fault.headers,
      'content-length': String(Buffer.byteLength(text))
    })
    res.end(text)
    return
  }
  if (!match || method !== 'GET') {
    return fail(404, 'ResourceNotFound', 'The specified resource does not exist.')
  }
  if (req.headers.authorization !== undefined) {
    return fail(
      400,
      'InvalidAuthenticationInfo',
      'Authentication information is not given in the correct format. Check the value of Authorization header.'
    )
  }
  const jobId = match[1] ?? ''
  const expires = url.searchParams.get('expires') ?? ''
  const sig = url.searchParams.get('sig') ?? ''
  const expected = logSignature(env, jobId, expires)
  const signed =
    sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
  if (!signed) {
    return fail(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      'Signature did not match.'
    )
  }
  const now = env.clock.now()
  if (now > Number(expires)) {
    return fail(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      `Signed expiry time [${isoSeconds(Number(expires))}] must be after signed start time [${isoSeconds(now)}]`
    )
  }
  const job = env.state.runs.flatMap(r => r.jobs).find(j => String(j.id) === jobId)
  if (!job || (typeof job.log === 'object' && !Buffer.isBuffer(job.log) && 'status' in job.log)) {
    return fail(404, 'BlobNotFound', 'The specified blob does not exist.')
  }

  record.status = 200
  const fixed =
    typeof job.log === 'string'
      ? Buffer.from(job.log)
      : Buffer.isBuffer(job.log)
        ? job.log
        : undefined
  res.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'x-ms-request-id': requestId,
    'x-ms-blob-type': 'BlockBlob',
    ...(fixed && { 'content-length': String(fixed.length) })
  })
  try {
    await pipeline(Readable.from(logChunks(job.log, fixed)), res)
  } catch {
    // The client hung up mid-stream (e.g. it stopped reading); nothing to clean up.
  }
}

/** Yields the log lazily, so a generated multi-GiB log never sits in memory. */
async function* logChunks(log: SeedLog, fixed: Buffer | undefined): AsyncGenerator<Uint8Array> {
  if (fixed) {
    for (let offset = 0; offset < fixed.length; offset += chunkBytes) {
      yield fixed.subarray(offset, offset + chunkBytes)
    }
    return
  }
  if (typeof log === 'function') yield* log()
}
