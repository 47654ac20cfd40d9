import { ConfigError } from './errors.js'

/**
 * The action's inputs, read once: gather-context gets them all as `toJSON(inputs)` (composite
 * actions get no INPUT_* variables), validates them, and writes them to the state folder without
 * the token; later steps read that file. One list here, one in action.yml, and a test keeps the
 * two equal, so no input can stop reaching the code without a failing test.
 */
export interface ActionInputs {
  jobResults: string
  branch: string
  prNumber: number | null
  prUrl: string
  prAuthor: string
  runId: number | null
  labels: string[]
  assignAuthor: boolean
  commentOnPr: boolean
  logLines: number
  issueTemplate: string
  commentTemplate: string
  dryRun: boolean
  maxIssues: number
  closeOnSuccess: boolean
  compareWithGreen: boolean
  /** the most of a green log read, in bytes */
  greenLogMaxBytes: number
  /** the most time spent reading green logs, in ms */
  greenLogMaxMs: number
  flakyLabel: string
  fixPendingLabel: string
  pendingMergeLabel: string
  /** a failure back within this many days reopens its closed issue */
  reopenDays: number
  /** at most one digest comment per issue in this many hours */
  commentPeriodMs: number
  /** file issues for jobs that may fail (continue-on-error) */
  fileAllowedFailures: boolean
}

/** Every input action.yml declares, but `github-token`, which github-script takes itself. */
export const INPUT_NAMES = [
  'job-results',
  'branch',
  'pr-number',
  'pr-url',
  'pr-author',
  'run-id',
  'labels',
  'assign-author',
  'comment-on-pr',
  'log-lines',
  'issue-template',
  'comment-template',
  'dry-run',
  'max-issues',
  'close-on-success',
  'compare-with-green',
  'green-log-max-mb',
  'green-log-seconds',
  'flaky-label',
  'fix-pending-label',
  'pending-merge-label',
  'reopen-days',
  'comment-period-hours',
  'file-allowed-failures'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** The env variable gather-context gets `toJSON(inputs)` in: the only one action.yml sets. */
export const INPUTS_ENV = 'LOG_BUGS_INPUTS'

const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

/** Booleans take the YAML 1.2 core spellings only, like @actions/core's getBooleanInput. */
function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim()
  if (value === '') return fallback
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new ConfigError(`input ${name}: expected true or false, got ${JSON.stringify(value)}`)
}

/** A whole number in [min, max]; empty means the default. */
function parseInteger(
  name: string,
  raw: string,
  fallback: number,
  min: number,
  max: number
): number {
  const value = raw.trim()
  if (value === '') return fallback
  if (!/^\d+$/.test(value)) {
    throw new ConfigError(`input ${name}: expected a whole number, got ${JSON.stringify(value)}`)
  }
  const n = Number(value)
  if (n < min || n > max) {
    throw new ConfigError(`input ${name}: expected a number from ${min} to ${max}, got ${n}`)
  }
  return n
}

/** An optional positive id (PR number, run id); `#12` is accepted for PR numbers. */
function parseOptionalId(name: string, raw: string): number | null {
  const value = raw.trim().replace(/^#/, '')
  if (value === '') return null
  if (!/^\d+$/.test(value) || Number(value) === 0) {
    throw new ConfigError(`input ${name}: expected a positive number, got ${JSON.stringify(value)}`)
  }
  return Number(value)
}

/**
 * Label names: comma or newline separated, trimmed, de-duplicated case-insensitively (GitHub
 * label names are case-insensitive), at most 50 characters each (GitHub's limit).
 */
export function parseLabels(raw: string): string[] {
  const seen = new Set<string>()
  const labels: string[] = []
  for (const part of (raw.trim() === '' ? 'bug,ci-failure' : raw).split(/[,\n]/)) {
    const label = part.trim()
    if (label === '' || seen.has(label.toLowerCase())) continue
    if (label.length > 50) {
      throw new ConfigError(`input labels: ${JSON.stringify(label)} is over 50 characters`)
    }
    seen.add(label.toLowerCase())
    labels.push(label)
  }
  return labels
}

/** One label name: trimmed, at most 50 characters, no comma (labels inputs split on commas). */
function parseLabel(name: string, raw: string, fallback: string): string {
  const label = raw.trim()
  if (label === '') return fallback
  if (label.length > 50 || /[,\n]/.test(label)) {
    throw new ConfigError(
      `input ${name}: expected one label name of at most 50 characters, got ${JSON.stringify(label)}`
    )
  }
  return label
}

/**
 * Validates the inputs, given by their action.yml names as `toJSON(inputs)` makes them (missing
 * or empty values take the defaults). Pure: tests pass a literal. A bad value throws a
 * ConfigError naming the input.
 */
export function readInputs(raw: Partial<Record<InputName, unknown>>): ActionInputs {
  const value = (name: InputName): string => {
    const given = raw[name]
    return given === undefined || given === null ? '' : String(given)
  }
  return {
    jobResults: value('job-results'),
    branch: value('branch').trim(),
    prNumber: parseOptionalId('pr-number', value('pr-number')),
    prUrl: value('pr-url').trim(),
    prAuthor: value('pr-author').trim().replace(/^@/, ''),
    runId: parseOptionalId('run-id', value('run-id')),
    labels: parseLabels(value('labels')),
    assignAuthor: parseBoolean('assign-author', value('assign-author'), true),
    commentOnPr: parseBoolean('comment-on-pr', value('comment-on-pr'), true),
    logLines: parseInteger('log-lines', value('log-lines'), 50, 5, 500),
    issueTemplate: value('issue-template').trim(),
    commentTemplate: value('comment-template').trim(),
    dryRun: parseBoolean('dry-run', value('dry-run'), false),
    maxIssues: parseInteger('max-issues', value('max-issues'), 5, 1, 50),
    closeOnSuccess: parseBoolean('close-on-success', value('close-on-success'), true),
    compareWithGreen: parseBoolean('compare-with-green', value('compare-with-green'), true),
    greenLogMaxBytes:
      parseInteger('green-log-max-mb', value('green-log-max-mb'), 64, 1, 1024) * 1024 * 1024,
    greenLogMaxMs: parseInteger('green-log-seconds', value('green-log-seconds'), 20, 1, 120) * 1000,
    flakyLabel: parseLabel('flaky-label', value('flaky-label'), 'flaky'),
    fixPendingLabel: parseLabel('fix-pending-label', value('fix-pending-label'), 'fix-pending'),
    pendingMergeLabel: parseLabel(
      'pending-merge-label',
      value('pending-merge-label'),
      'pending-merge'
    ),
    reopenDays: parseInteger('reopen-days', value('reopen-days'), 7, 0, 365),
    commentPeriodMs:
      parseInteger('comment-period-hours', value('comment-period-hours'), 24, 1, 720) * 3_600_000,
    fileAllowedFailures: parseBoolean(
      'file-allowed-failures',
      value('file-allowed-failures'),
      false
    )
  }
}

/** The inputs from `LOG_BUGS_INPUTS`, as action.yml passes them to gather-context. */
export function readInputsEnv(env: Record<string, string | undefined>): ActionInputs {
  const text = env[INPUTS_ENV]
  if (text === undefined || text.trim() === '') {
    throw new ConfigError(
      `${INPUTS_ENV} is not set: run log-bugs through its action.yml, which passes toJSON(inputs)`
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ConfigError(`${INPUTS_ENV} is not JSON: action.yml must pass toJSON(inputs)`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${INPUTS_ENV} must be an object of inputs`)
  }
  return readInputs(parsed as Partial<Record<InputName, unknown>>)
}
