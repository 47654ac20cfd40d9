/**
 * The steps of a job log, and which of them failed.
 *
 * The log has no step ids. It is cut into sections: the preamble ("Set up job", container
 * start), one section per top-level `##[group]Run …` header (a composite action adds one per
 * inner step), one per `Post job cleanup.`, and the job end (`Cleaning up orphan processes`).
 * The jobs API lists the steps with names and second-precision times; a custom step name
 * (`name: Type-check`) never appears in the log, and neighbouring steps can start and end in
 * the same second, so sections are matched to steps by an alignment that weighs times, the
 * `Run …` names of unnamed steps, and order (each step has at least one section).
 */
import type { JobStep } from './types.js'
import type { Terminal } from './patterns/pattern.js'

export type SectionKind = 'setup' | 'step' | 'post' | 'complete'

export interface SectionInfo {
  index: number
  kind: SectionKind
  /** the header text after `##[group]` (`Run npm test`), null for other kinds */
  title: string | null
  /** the timestamp of the section's first line */
  startTime: string | null
  /** 1-based line numbers in the job log */
  firstLine: number
  lastLine: number
  /** from `##[error]Process completed with exit code N.` */
  exitCode: number | null
  terminal: Terminal | null
  /** `##[error]` lines that are not boilerplate */
  errorCount: number
}

export interface FailedSteps {
  /** indexes of the sections that make up the failed step, in log order */
  sections: number[]
  step: { name: string; number: number | null } | null
}

const SETUP_STEP = /^(?:Set up job|Set up runner|Initialize containers?|Set up container)$/
const COMPLETE_STEP = /^(?:Complete job|Complete runner)$/
const STOP_CONTAINERS = /^Stop containers?$/

type StepRole = 'setup' | 'main' | 'post' | 'complete'

/** Setup, main, post or complete: how the runner shows the step in the log. */
export function stepRole(step: JobStep, earlier: readonly JobStep[]): StepRole {
  if (step.number === 1 || SETUP_STEP.test(step.name)) return 'setup'
  if (COMPLETE_STEP.test(step.name)) return 'complete'
  if (STOP_CONTAINERS.test(step.name)) return 'post'
  if (step.name.startsWith('Post ')) {
    const main = step.name.slice(5)
    if (earlier.some(s => s.name === main)) return 'post'
  }
  return 'main'
}

function seconds(time: string | null | undefined): number | null {
  if (!time) return null
  const ms = Date.parse(time)
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}

/** A step ran (and so wrote to the log) unless it was skipped or never started. */
function ran(step: JobStep): boolean {
  if (step.conclusion === 'skipped') return false
  if (step.conclusion === null && step.status !== 'in_progress' && step.status !== 'completed') {
    return false
  }
  return true
}

const COST_SKIP = 4
const COST_EXTRA_SECTION = 1.5
const COST_NAME_MATCH = -2
const COST_DEFAULT_NAME_MISMATCH = 1.5

function timeCost(section: number | null, start: number | null, end: number | null): number {
  if (section === null || start === null) return 0.5
  const last = end ?? Number.POSITIVE_INFINITY
  if (section >= start && section <= last) return 0
  const distance = section < start ? start - section : section - last
  return distance <= 1 ? 1 : 3 + Math.min(distance, 60) / 10
}

function firstSectionCost(title: string | null, step: JobStep): number {
  if (title !== null && title === step.name) return COST_NAME_MATCH
  if (step.name.startsWith('Run ')) return COST_DEFAULT_NAME_MISMATCH
  return 0
}

/**
 * Aligns `Run …` sections with the main steps that ran, in order: returns, per section, the
 * index into `steps`. Each step gets one or more consecutive sections (composite actions
 * print a header per inner step); a step may get none at a cost (a truncated log).
 */
export function alignSections(
  sections: readonly { title: string | null; startTime: string | null }[],
  steps: readonly JobStep[]
): number[] {
  const k = sections.length
  const m = steps.length
  if (k === 0 || m === 0) return sections.map(() => -1)
  const sectionTimes = sections.map(s => seconds(s.startTime))
  const stepStarts = steps.map(s => seconds(s.started_at))
  const stepEnds = steps.map(s => seconds(s.completed_at))
  const local = (j: number, i: number): number =>
    timeCost(sectionTimes[j] ?? null, stepStarts[i] ?? null, stepEnds[i] ?? null)
  const dp = new Float64Array(k * m).fill(Number.POSITIVE_INFINITY)
  const from = new Int32Array(k * m).fill(-2)
  for (let i = 0; i < m; i++) {
    const step = steps[i] as JobStep
    dp[i] = COST_SKIP * i + firstSectionCost(sections[0]?.title ?? null, step) + local(0, i)
    from[i] = -1
  }
  for (let j = 1; j < k; j++) {
    const title = sections[j]?.title ?? null
    // best over i' < i of dp[j-1][i'] + COST_SKIP * (i - i' - 1), kept as a running minimum
    let bestPrev = Number.POSITIVE_INFINITY
    let bestPrevIndex = -1
    for (let i = 0; i < m; i++) {
      const step = steps[i] as JobStep
      const stay = (dp[(j - 1) * m + i] as number) + COST_EXTRA_SECTION
      const advance = bestPrev + firstSectionCost(title, step)
      const here = local(j, i)
      if (stay <= advance) {
        dp[j * m + i] = stay + here
        from[j * m + i] = i
      } else {
        dp[j * m + i] = advance + here
        from[j * m + i] = bestPrevIndex
      }
      // for the next i: moving from step i to step i+1 skips nothing; every step passed skips one
      const candidate = dp[(j - 1) * m + i] as number
      bestPrev += COST_SKIP
      if (candidate <= bestPrev) {
        bestPrev = candidate
        bestPrevIndex = i
      }
    }
  }
  let end = 0
  let endCost = Number.POSITIVE_INFINITY
  for (let i = 0; i < m; i++) {
    const cost = (dp[(k - 1) * m + i] as number) + COST_SKIP * (m - 1 - i)
    if (cost < endCost) {
      endCost = cost
      end = i
    }
  }
  const result = new Array<number>(k).fill(-1)
  let i = end
  for (let j = k - 1; j >= 0; j--) {
    result[j] = i
    const previous = from[j * m + i] as number
    if (previous < 0) break
    i = previous
  }
  return result
}

/** The first step the API reports as failed (else cancelled or timed out), if any. */
export function failedApiStep(steps: readonly JobStep[]): JobStep | null {
  return (
    steps.find(s => s.conclusion === 'failure') ??
    steps.find(s => s.conclusion === 'timed_out' || s.conclusion === 'cancelled') ??
    null
  )
}

/** The sections of the failed step, from the API step list (null when it cannot be placed). */
function fromApi(
  sections: readonly SectionInfo[],
  steps: readonly JobStep[],
  failed: { name: string; number: number }
): FailedSteps | null {
  const target =
    steps.find(s => s.number === failed.number) ?? steps.find(s => s.name === failed.name)
  const step = { name: target?.name ?? failed.name, number: target?.number ?? failed.number }
  if (target === undefined) return null
  const ordered = [...steps].sort((a, b) => a.number - b.number)
  const roles = new Map<JobStep, StepRole>()
  ordered.forEach((s, n) => roles.set(s, stepRole(s, ordered.slice(0, n))))
  const role = roles.get(target) ?? 'main'
  const ofKind = (kind: SectionKind): SectionInfo[] => sections.filter(s => s.kind === kind)
  let picked: SectionInfo[]
  if (role === 'setup') picked = ofKind('setup')
  else if (role === 'complete') picked = ofKind('complete')
  else if (role === 'post') {
    const posts = ordered.filter(
      s => roles.get(s) === 'post' && ran(s) && !STOP_CONTAINERS.test(s.name)
    )
    const at = posts.indexOf(target)
    const section = at >= 0 ? ofKind('post')[at] : undefined
    picked = section ? [section] : []
  } else {
    const main = ordered.filter(s => roles.get(s) === 'main' && (ran(s) || s === target))
    const runs = ofKind('step')
    const aligned = alignSections(runs, main)
    const at = main.indexOf(target)
    picked = runs.filter((_, j) => aligned[j] === at)
  }
  if (picked.length === 0) return null
  return { sections: picked.map(s => s.index), step }
}

/**
 * Without the API: the first section that ends with an exit-code line or a runner terminal
 * error, else the first with a non-boilerplate `##[error]` (a failing JavaScript action or
 * setup step prints one and no exit code; later `if: always()` steps can print more), else
 * the last `Run` section. Post-job cleanup and the job end are never chosen.
 */
function fromHeaders(sections: readonly SectionInfo[]): FailedSteps {
  const candidates = sections.filter(s => s.kind === 'setup' || s.kind === 'step')
  const marked =
    candidates.find(s => s.exitCode !== null || s.terminal !== null) ??
    candidates.find(s => s.errorCount > 0)
  const chosen = marked ?? [...candidates].reverse().find(s => s.kind === 'step') ?? candidates[0]
  if (chosen === undefined) return { sections: [], step: null }
  if (chosen.kind === 'step')
    return { sections: [chosen.index], step: { name: chosen.title ?? 'Run', number: null } }
  // the preamble: "Set up job" when the runner marked a failure there, else a log with no
  // steps at all (not from the runner), whose step is unknown
  return { sections: [chosen.index], step: marked ? { name: 'Set up job', number: 1 } : null }
}

/**
 * Which sections hold the failed step: the API's first failed step when steps are given
 * (placed by `alignSections`), otherwise markers in the log (see `fromHeaders`).
 */
export function findFailedSections(
  sections: readonly SectionInfo[],
  options: { steps?: readonly JobStep[]; failedStep?: { name: string; number: number } | null } = {}
): FailedSteps {
  const steps = options.steps ?? []
  const failed = options.failedStep ?? failedApiStep(steps)
  if (failed && steps.length > 0) {
    const placed = fromApi(sections, steps, failed)
    if (placed) return placed
  }
  const guessed = fromHeaders(sections)
  if (failed)
    return { sections: guessed.sections, step: { name: failed.name, number: failed.number } }
  return guessed
}
