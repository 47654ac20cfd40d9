import { isoSeconds, type Clock } from './clock.js'
import { fakeSha, hash, nodeId } from './ids.js'
import { defaultToken, type Scenario, type SeedStep } from './scenario.js'
import {
  addComment,
  addLabel,
  ensureUser,
  findIssue,
  findPull,
  indexIssue,
  newIssue,
  resolveLabel,
  type EmulatorState,
  type JobModel,
  type StepModel
} from './state.js'

/** Builds the in-memory model from a scenario, filling in what GitHub would (ids, times, steps). */
export function createState(scenario: Scenario, clock: Clock): EmulatorState {
  const now = clock.now()
  const fullName = `${scenario.owner}/${scenario.repo}`
  const state: EmulatorState = {
    owner: scenario.owner,
    repo: scenario.repo,
    fullName,
    serverUrl: scenario.serverUrl ?? 'https://github.com',
    repoId: 100_000_000 + (hash(fullName) % 800_000_000),
    defaultBranch: scenario.defaultBranch ?? 'main',
    private: scenario.private ?? false,
    createdAt: isoSeconds(now - 365 * 24 * 3600_000),
    users: [],
    tokens: scenario.tokens ?? { 'ghs_test-token': defaultToken },
    labels: [],
    issues: [],
    comments: [],
    pulls: [],
    runs: [],
    forkOnlyCommits: (scenario.forkOnlyCommits ?? []).map(sha => sha.toLowerCase()),
    searchLagMs: scenario.searchLagMs ?? 0,
    openapiViolations: [],
    searchIndex: new Map(),
    rateLimits: new Map(),
    sequences: { issueNumber: 0, commentId: 2_500_000_000, labelId: 7_000_000_000 }
  }

  ensureUser(state, scenario.owner, { assignable: true })
  for (const user of scenario.users ?? []) {
    ensureUser(state, user.login, { type: user.type, assignable: user.assignable ?? true })
  }
  for (const token of Object.values(state.tokens)) ensureUser(state, token.login)
  for (const label of scenario.labels ?? []) {
    addLabel(state, label.name, label.color ?? 'ededed', label.description ?? null)
  }

  // Seeded items predate the clock by a minute each, so they sort before anything a test writes.
  const seeds = [
    ...(scenario.issues ?? []).map(issue => ({ kind: 'issue' as const, issue })),
    ...(scenario.pulls ?? []).map(pull => ({ kind: 'pull' as const, pull }))
  ]
  const explicitNumbers = seeds.flatMap(
    s => (s.kind === 'issue' ? s.issue.number : s.pull.number) ?? []
  )
  const explicit = new Set(explicitNumbers)
  if (explicit.size !== explicitNumbers.length) {
    throw new Error('scenario gives two issues or pull requests the same number')
  }
  let next = 1
  const takeNumber = (wanted: number | undefined): number => {
    if (wanted !== undefined) return wanted
    while (explicit.has(next)) next++
    return next++
  }
  seeds.forEach((seed, index) => {
    const createdAt = isoSeconds(now - (seeds.length - index) * 60_000)
    if (seed.kind === 'issue') {
      const s = seed.issue
      const issue = newIssue(state, {
        number: takeNumber(s.number),
        title: s.title,
        body: s.body ?? null,
        user: s.user ?? scenario.owner,
        createdAt: s.created_at ?? createdAt,
        pull: false
      })
      issue.state = s.state ?? 'open'
      issue.state_reason = s.state_reason ?? (issue.state === 'closed' ? 'completed' : null)
      if (issue.state === 'closed') {
        issue.closed_at = issue.created_at
        issue.closed_by = issue.user
      }
      issue.labels = (s.labels ?? []).map(name => resolveLabel(state, name).name)
      issue.assignees = (s.assignees ?? []).map(login => ensureUser(state, login).login)
    } else {
      const s = seed.pull
      const number = takeNumber(s.number)
      const headRepo = s.head.repo ?? fullName
      const issue = newIssue(state, {
        number,
        title: s.title,
        body: s.body ?? null,
        user: s.user,
        createdAt,
        pull: true
      })
      issue.state = s.state ?? 'open'
      if (issue.state === 'closed') issue.closed_at = createdAt
      const baseRef = s.base?.ref ?? state.defaultBranch
      state.pulls.push({
        number,
        id: 2_000_000_000 + number,
        node_id: nodeId('PR', state.repoId, number),
        user: ensureUser(state, s.user).login,
        head: { ref: s.head.ref, sha: s.head.sha, repo: headRepo },
        base: { ref: baseRef, sha: fakeSha(`${fullName}@${baseRef}`) },
        fork: headRepo.toLowerCase() !== fullName.toLowerCase()
      })
    }
  })
  state.issues.sort((a, b) => a.number - b.number)
  state.sequences.issueNumber = Math.max(0, ...state.issues.map(i => i.number))

  for (const seed of scenario.comments ?? []) {
    const issue = findIssue(state, seed.issue_number)
    if (!issue) throw new Error(`seed comment refers to missing issue #${seed.issue_number}`)
    addComment(state, issue, seed.body, seed.user, issue.created_at)
  }
  // Seeds are already indexed however large searchLagMs is.
  for (const issue of state.issues) state.searchIndex.set(issue.number, [])
  for (const issue of state.issues) indexIssue(state, issue, -Infinity)

  state.runs = (scenario.runs ?? []).map((seed, index) => {
    for (const number of seed.pull_requests ?? []) {
      if (!findPull(state, number)) {
        throw new Error(
          `seed run ${seed.id} lists PR #${number}, which the scenario doesn't define`
        )
      }
    }
    const created = now - 20 * 60_000
    const jobs: JobModel[] = seed.jobs.map(job => {
      const status = job.status ?? 'completed'
      const startedAt = job.started_at ?? isoSeconds(created + 10_000)
      const completedAt =
        job.completed_at !== undefined
          ? job.completed_at
          : status === 'completed'
            ? isoSeconds(Date.parse(startedAt) + 60_000)
            : null
      const conclusion =
        job.conclusion !== undefined ? job.conclusion : status === 'completed' ? 'success' : null
      return {
        id: job.id,
        node_id: nodeId('CR', state.repoId, job.id),
        run_id: seed.id,
        run_attempt: job.run_attempt ?? seed.run_attempt ?? 1,
        name: job.name,
        status,
        conclusion,
        created_at: isoSeconds(created),
        started_at: startedAt,
        completed_at: completedAt,
        steps: (job.steps ?? defaultSteps(status, conclusion)).map(step =>
          fillStep(step, startedAt, completedAt)
        ),
        log: job.log ?? defaultLog(job.name, startedAt, conclusion)
      }
    })
    const runAttempt = seed.run_attempt ?? Math.max(1, ...jobs.map(j => j.run_attempt))
    const latest = jobs.filter(j => j.run_attempt === runAttempt)
    const status = seed.status ?? 'completed'
    const conclusion =
      seed.conclusion !== undefined
        ? seed.conclusion
        : status !== 'completed'
          ? null
          : latest.some(j => j.conclusion === 'failure')
            ? 'failure'
            : 'success'
    return {
      id: seed.id,
      node_id: nodeId('WFR', state.repoId, seed.id),
      run_number: index + 1,
      run_attempt: runAttempt,
      name: seed.name,
      path: seed.path,
      workflow_id: 100_000_000 + (hash(seed.path) % 100_000_000),
      head_branch: seed.head_branch,
      head_sha: seed.head_sha,
      event: seed.event,
      status,
      conclusion,
      display_title: seed.display_title ?? seed.name,
      pull_requests: seed.pull_requests ?? [],
      actor: scenario.owner,
      created_at: isoSeconds(created),
      updated_at: isoSeconds(created + 5 * 60_000),
      run_started_at: isoSeconds(created),
      jobs
    }
  })
  return state
}

function defaultSteps(status: string, conclusion: string | null): SeedStep[] {
  const done = status === 'completed'
  return [
    { name: 'Set up job', number: 1, status: 'completed', conclusion: 'success' },
    { name: 'Run tests', number: 2, status, conclusion: done ? conclusion : null },
    {
      name: 'Complete job',
      number: 3,
      status: done ? 'completed' : 'queued',
      conclusion: done ? 'success' : null
    }
  ]
}

function fillStep(step: SeedStep, startedAt: string, completedAt: string | null): StepModel {
  const done = step.status === 'completed'
  return {
    name: step.name,
    number: step.number,
    status: step.status,
    conclusion: step.conclusion,
    started_at: step.started_at !== undefined ? step.started_at : startedAt,
    completed_at: step.completed_at !== undefined ? step.completed_at : done ? completedAt : null
  }
}

// The runner prefixes every line with a 7-digit-fraction timestamp; clients parse that prefix.
function defaultLog(name: string, startedAt: string, conclusion: string | null): string {
  const t = startedAt.replace('Z', '.0000000Z')
  return [
    `${t} ##[group]Run ${name}`,
    `${t} ${name}`,
    `${t} ##[endgroup]`,
    conclusion === 'failure'
      ? `${t} ##[error]Process completed with exit code 1.`
      : `${t} Job ${name} finished`,
    ''
  ].join('\n')
}
