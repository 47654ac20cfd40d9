import { buildIssueTitle, link, renderIssueBody } from './lib/issue/build-issue.js'
import { CannotFileError, cannotFile } from './lib/issue/cannot-file.js'
import { dedupLabel } from './lib/issue/dedup-label.js'
import { decideAssignee } from './lib/github/decide-assignee.js'
import { categoryLabel, ensureLabels } from './lib/github/ensure-labels.js'
import { errorData, errorMessage, errorStatus } from './lib/step/error-message.js'
import { rethrowIfFatal } from './lib/step/errors.js'
import { escapeInline } from './lib/markdown/escape-markdown.js'
import { newMetadata, type IssuePlan } from './lib/issue/issue-plan.js'
import { listTrackedIssues } from './lib/github/list-tracked-issues.js'
import { loadTemplate } from './lib/step/load-template.js'
import { readInputs, type ActionInputs } from './lib/step/read-inputs.js'
import { recordOccurrence } from './lib/github/record-occurrence.js'
import { renderSummary } from './lib/issue/render-summary.js'
import { ranGreen, resolveGreen } from './lib/github/resolve-green.js'
import { runStep } from './lib/step/run-step.js'
import { readState, writeState } from './lib/step/state-store.js'
import type {
  Core,
  ExistingIssue,
  Failure,
  FiledIssue,
  GitHub,
  RunContext,
  StepDeps
} from './lib/step/types.js'

export interface CreateIssueResult {
  created: number
  updated: number
  issues: { number: number | null; url: string | null; created: boolean }[]
}

/**
 * Files one issue per new failure, and records a known failure on its open issue (one comment
 * per run and attempt, never two) instead of filing again. Cannot file → fails the step with one
 * line naming the cause and the fix, after putting the would-be issue in the job summary.
 */
export async function run(
  deps: StepDeps,
  inputs: ActionInputs = readInputs(process.env),
  env: Record<string, string | undefined> = process.env
): Promise<CreateIssueResult | undefined> {
  return runStep(deps, inputs, async (github, core) => {
    const context = readState<RunContext>(inputs.stateDir, 'context')
    const failures = readState<Failure[]>(inputs.stateDir, 'failures')
    const { botLogin } = readState<{ botLogin: string }>(inputs.stateDir, 'identity')
    const template = loadTemplate('issue', inputs.issueTemplate, env.GITHUB_WORKSPACE)
    const now = (deps.now ?? (() => new Date()))().toISOString()
    const plan: IssuePlan = {
      context,
      inputs,
      botLogin,
      labels: [],
      now,
      run: { id: context.runId, attempt: context.attempt }
    }
    const filed: FiledIssue[] = []
    const fresh = failures.filter(f => !f.existing)
    const overflow = fresh.slice(inputs.maxIssues)
    const toCreate = fresh.slice(0, inputs.maxIssues)

    if (failures.length === 0 && inputs.closeOnSuccess && ranGreen(context)) {
      filed.push(...(await resolveGreen(github, core, plan)))
    }
    if (toCreate.length > 0) {
      const wanted = [
        ...inputs.labels,
        ...new Set(toCreate.map(f => categoryLabel(f.category)).filter(isString))
      ]
      plan.labels = inputs.dryRun
        ? wanted
        : await ensureLabels(github, { owner: context.owner, repo: context.repo }, wanted, core)
    }
    const assignment =
      toCreate.length > 0
        ? await decideAssignee(github, context, inputs)
        : { assignee: null, note: '' }

    for (const failure of failures) {
      if (failure.existing) {
        filed.push(await recordOccurrence(github, core, plan, failure, failure.existing))
        continue
      }
      const index = toCreate.indexOf(failure)
      if (index === -1) continue
      const extra = index === toCreate.length - 1 ? overflowSection(overflow, inputs.maxIssues) : ''
      try {
        const issue = await createIssue(github, core, plan, failure, template, assignment, extra)
        filed.push(issue)
        for (const skipped of extra ? overflow : []) {
          filed.push({
            ...issue,
            fingerprint: skipped.fingerprint,
            created: false,
            jobs: skipped.jobs.map(j => j.name)
          })
        }
      } catch (error) {
        if (!(error instanceof CannotFileError)) throw error
        // Leave the would-be issue where a maintainer can see it, then fail with one line.
        filed.push({
          fingerprint: failure.fingerprint,
          number: null,
          url: null,
          title: error.wouldBe.title,
          created: false,
          isRetry: false,
          attemptCount: 1,
          jobs: failure.jobs.map(j => j.name),
          wouldBe: error.wouldBe,
          error: error.message
        })
        writeState(inputs.stateDir, 'issues', filed)
        await writeSummarySafely(core, renderSummary(context, filed, [error.message]))
        throw error
      }
    }

    writeState(inputs.stateDir, 'issues', filed)
    const created = filed.filter(f => f.created).length
    return {
      created,
      updated: filed.filter(f => !f.created && f.number !== null).length,
      issues: filed.map(f => ({ number: f.number, url: f.url, created: f.created }))
    }
  })
}

const isString = (value: string | null): value is string => value !== null

function overflowSection(overflow: Failure[], maxIssues: number): string {
  if (overflow.length === 0) return ''
  const lines = overflow.map(failure => {
    const job = failure.primary.job
    const headline = failure.primary.log.analysis?.keyLines[0]
    return `- ${link(job.name, job.failedStep?.url ?? job.url)}${headline ? `: ${escapeInline(headline, 160)}` : ''} (\`${failure.fingerprint}\`)`
  })
  return [
    `### More failures in this run`,
    '',
    `This run had ${overflow.length} more distinct failure(s); \`max-issues\` is ${maxIssues}, so they are listed here instead of filed:`,
    '',
    ...lines,
    ''
  ].join('\n')
}

async function createIssue(
  github: GitHub,
  core: Core,
  plan: IssuePlan,
  failure: Failure,
  template: string,
  assignment: { assignee: string | null; note: string },
  extra: string
): Promise<FiledIssue> {
  const { context, inputs } = plan
  const { job, log } = failure.primary
  const title = buildIssueTitle(context.branch, job.name, log.analysis?.keyLines[0] ?? null)
  const metadata = newMetadata(plan, failure.fingerprint)
  const unknown = new Set<string>()
  const render = (issueNumber: number | null, note: string) =>
    renderIssueBody(
      template,
      { context, failure, metadata, issueNumber, assignment: note, extra },
      unknown
    )
  let body = render(null, assignment.note)
  if (unknown.size > 0)
    core.warning(`log-bugs: the issue template uses unknown names: ${[...unknown].join(', ')}`)
  const base: FiledIssue = {
    fingerprint: failure.fingerprint,
    number: null,
    url: null,
    title,
    created: false,
    isRetry: false,
    attemptCount: 1,
    jobs: failure.jobs.map(j => j.name)
  }
  if (inputs.dryRun) {
    core.info(`log-bugs: dry-run: would file "${title}"\n${body}`)
    return { ...base, wouldBe: { title, body } }
  }

  const target = { owner: context.owner, repo: context.repo }
  // The configured labels plus this failure's own category, of those that exist or were created.
  const category = categoryLabel(failure.category)
  const labels = plan.labels.filter(label => inputs.labels.includes(label) || label === category)
  const post = async (text: string, assignee: string | null) =>
    (
      await github.request<{ number: number; html_url: string }>(
        'POST /repos/{owner}/{repo}/issues',
        {
          ...target,
          title,
          body: text,
          labels,
          ...(assignee ? { assignees: [assignee] } : {})
        }
      )
    ).data
  let created: { number: number; html_url: string }
  let note = assignment.note
  try {
    try {
      created = await post(body, assignment.assignee)
    } catch (error) {
      const refused =
        errorStatus(error) === 422 &&
        assignment.assignee &&
        /assignee/i.test(JSON.stringify(errorData(error)))
      if (!refused) throw error
      // Someone lost access between the check and the create: file unassigned.
      note = `_Not assigned: GitHub refused ${escapeInline(assignment.assignee ?? '')} as assignee._`
      body = render(null, note)
      created = await post(body, null)
    }
  } catch (error) {
    rethrowIfFatal(error)
    throw new CannotFileError(cannotFile(errorStatus(error), error, context), { title, body })
  }
  core.info(`log-bugs: filed #${created.number} ${created.html_url}`)

  // The number is known only now: write the `Fixes #N` line for the fixing commit.
  try {
    await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...target,
      issue_number: created.number,
      body: render(created.number, note)
    })
  } catch (error) {
    rethrowIfFatal(error)
    core.warning(
      `log-bugs: could not add the commit identifier to #${created.number}: ${errorMessage(error)}`
    )
  }

  const filed: FiledIssue = {
    ...base,
    number: created.number,
    url: created.html_url,
    created: true
  }
  return reconcileRace(github, core, plan, failure, filed)
}

/**
 * Concurrent runs of the same failure can all miss each other and file at once. Listing is
 * consistent right after a write, so after filing we look again: if an older open issue has
 * the same fingerprint, ours is closed as its duplicate and the run is recorded there instead.
 * Issue numbers grow with creation time, so every racer agrees on the same survivor.
 */
async function reconcileRace(
  github: GitHub,
  core: Core,
  plan: IssuePlan,
  failure: Failure,
  filed: FiledIssue
): Promise<FiledIssue> {
  const { context } = plan
  let oldest: ExistingIssue | undefined
  try {
    const tracked = await listTrackedIssues(github, {
      owner: context.owner,
      repo: context.repo,
      label: plan.labels.includes(dedupLabel(plan.inputs.labels) ?? '')
        ? dedupLabel(plan.inputs.labels)
        : null,
      botLogin: plan.botLogin
    })
    oldest = tracked.get(failure.fingerprint)
  } catch (error) {
    rethrowIfFatal(error)
    core.debug(`log-bugs: duplicate check after filing failed: ${errorMessage(error)}`)
    return filed
  }
  if (!oldest || filed.number === null || oldest.number >= filed.number) return filed

  const target = { owner: context.owner, repo: context.repo }
  try {
    await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...target,
      issue_number: filed.number,
      body: `Duplicate of #${oldest.number}: another run filed the same failure (\`${failure.fingerprint}\`) at the same time.`
    })
    await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...target,
      issue_number: filed.number,
      state: 'closed',
      state_reason: 'duplicate'
    })
    core.info(
      `log-bugs: closed #${filed.number} as a duplicate of #${oldest.number} (concurrent runs)`
    )
  } catch (error) {
    rethrowIfFatal(error)
    core.warning(
      `log-bugs: #${filed.number} duplicates #${oldest.number} but could not be closed: ${errorMessage(error)}`
    )
  }
  const recorded = await recordOccurrence(github, core, plan, failure, oldest)
  return { ...recorded, created: false, isRetry: true }
}

async function writeSummarySafely(core: Core, markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    rethrowIfFatal(error)
    core.debug(`log-bugs: job summary not written: ${errorMessage(error)}`)
  }
}
