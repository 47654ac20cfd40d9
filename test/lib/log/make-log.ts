/**
 * Builds small Actions-format job logs for tests, with the jobs-API steps that match them
 * (times at second precision, as the API gives them).
 */
import type { JobStep } from '../../../scripts/lib/log/types.js'

const BASE = Date.UTC(2026, 0, 2, 3, 4, 0)

export const cyan = (s: string): string => `\x1b[36;1m${s}\x1b[0m`

export class LogBuilder {
  /** time in milliseconds since BASE */
  t = 0
  readonly lines: string[] = []
  readonly steps: JobStep[] = []
  private current: JobStep | null = null

  constructor() {
    this.begin('Set up job')
    this.line("Current runner version: '2.330.0'")
    this.line('##[group]Operating System')
    this.line('Ubuntu')
    this.line('##[endgroup]')
    this.line('Complete job name: test')
    this.finish('success')
  }

  stamp(): string {
    const ms = BASE + this.t
    const iso = new Date(Math.floor(ms)).toISOString()
    const sub = Math.round((ms % 1) * 10000)
    return `${iso.slice(0, 23)}${String(sub).padStart(4, '0')}Z`
  }

  /** A timestamped line, `ms` after the previous one. */
  line(text: string, ms = 5): this {
    this.t += ms
    this.lines.push(`${this.stamp()} ${text}`)
    return this
  }

  /** A continuation line of a multi-line message: no timestamp. */
  continuation(text: string): this {
    this.lines.push(text)
    return this
  }

  begin(name: string): this {
    this.current = { name, number: this.steps.length + 1, status: 'in_progress', conclusion: null }
    this.current.started_at = this.iso()
    this.steps.push(this.current)
    return this
  }

  finish(conclusion: 'success' | 'failure' | 'cancelled' | 'skipped'): this {
    if (this.current) {
      this.current.status = 'completed'
      this.current.conclusion = conclusion
      this.current.completed_at = this.iso()
    }
    this.current = null
    return this
  }

  skip(name: string): this {
    this.steps.push({
      name,
      number: this.steps.length + 1,
      status: 'completed',
      conclusion: 'skipped'
    })
    return this
  }

  /** A `run:` step: header, echoed script, output, and the exit-code line when it fails. */
  run(
    script: string,
    output: string[],
    options: {
      name?: string
      exit?: number
      conclusion?: 'success' | 'failure'
      env?: Record<string, string>
    } = {}
  ): this {
    const first = script.split('\n')[0] ?? ''
    this.begin(options.name ?? `Run ${first}`)
    this.line(`##[group]Run ${first}`)
    for (const l of script.split('\n')) this.line(cyan(l))
    this.line('shell: /usr/bin/bash -e {0}')
    if (options.env) {
      this.line('env:')
      for (const [k, v] of Object.entries(options.env)) this.line(`  ${k}: ${v}`)
    }
    this.line('##[endgroup]')
    for (const l of output) this.line(l)
    if (options.exit !== undefined && options.exit !== 0) {
      this.line(`##[error]Process completed with exit code ${options.exit}.`)
    }
    return this.finish(options.conclusion ?? (options.exit ? 'failure' : 'success'))
  }

  /** A `uses:` step. */
  uses(
    action: string,
    inputs: Record<string, string>,
    output: string[],
    options: { name?: string; conclusion?: 'success' | 'failure' } = {}
  ): this {
    this.begin(options.name ?? `Run ${action}`)
    this.line(`##[group]Run ${action}`)
    if (Object.keys(inputs).length) {
      this.line('with:')
      for (const [k, v] of Object.entries(inputs)) this.line(`  ${k}: ${v}`)
    }
    this.line('##[endgroup]')
    for (const l of output) this.line(l)
    return this.finish(options.conclusion ?? 'success')
  }

  post(name: string, output: string[], conclusion: 'success' | 'failure' = 'success'): this {
    this.begin(name)
    this.line('Post job cleanup.')
    for (const l of output) this.line(l)
    return this.finish(conclusion)
  }

  complete(): this {
    this.begin('Complete job')
    this.line('Cleaning up orphan processes')
    return this.finish('success')
  }

  /** Moves the clock on (e.g. to make steps share or not share a second). */
  wait(ms: number): this {
    this.t += ms
    return this
  }

  text(): string {
    return `${this.lines.join('\n')}\n`
  }

  private iso(): string {
    return new Date(Math.floor((BASE + this.t) / 1000) * 1000).toISOString().replace('.000Z', 'Z')
  }
}

/** Splits bytes into chunks of the given sizes, cycling through them. */
export function chunked(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = []
  let at = 0
  let i = 0
  while (at < bytes.length) {
    const size = Math.max(1, sizes[i++ % sizes.length] ?? 1)
    chunks.push(bytes.subarray(at, at + size))
    at += size
  }
  return chunks
}
