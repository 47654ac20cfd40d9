import { upsertPrComment } from './lib/github/upsert-pr-comment.js'
import { closes, outcomeIssue } from './lib/issue/outcome.js'
import { renderPrComment } from './lib/issue/render-pr-comment.js'
import { renderSummary } from './lib/issue/render-summary.js'
import { bestEffort, describeError, errorStatus } from './lib/step/errors.js'
import { loadTemplate } from './lib/step/load-template.js'
import { runStep } from './lib/step/run-step.js'
import { readState, readStateOr } from './lib/step/state.js'
import type { StepDeps } from './lib/step/types.js'
import { writeSummary } from './lib/step/write-summary.js'

export interface CommentOnPrResult {
  commentUrl: string | null
}

/**
 * Keeps one comment per pull request, found by its hidden marker and edited in place, listing
 * every issue this PR's failures map to with its status; then writes the job summary. A
 * refused comment (fork PR, read-only token) is a warning: the issue exists. Sets the
 * `comment-url` output.
 */
export async function run(
  deps: StepDeps,
  env: Record<string, string | undefined> = process.env
): Promise<CommentOnPrResult | undefined> {
  return runStep(deps, env, async ({ github, core, inputs, dir, now }) => {
    const context = readState(dir, 'context')
    const outcomes = readState(dir, 'outcomes')
    const failures = outcomes.filter(o => !closes(o))
    const problems: string[] = []
    let comment: { url: string | null; body: string } | null = null

    // A green run never starts a PR comment; it only updates one an earlier failure left.
    const onlyUpdate = failures.length === 0
    const pr = context.pr
    if (!pr) {
      core.info('log-bugs: no pull request for this run; no PR comment')
    } else if (!inputs.commentOnPr) {
      core.info('log-bugs: comment-on-pr is false; no PR comment')
    } else if (
      !onlyUpdate &&
      !inputs.dryRun &&
      failures.every(o => outcomeIssue(o) === null && o.kind !== 'skipped')
    ) {
      core.info('log-bugs: no issue to point to; no PR comment')
    } else {
      const template = loadTemplate('pr-comment', inputs.commentTemplate, env.GITHUB_WORKSPACE)
      const tracked = readState(dir, 'tracked')
      const closed = readStateOr(dir, 'closed', {})
      // an earlier failing run of this PR left a comment; its issues name the PR
      const mayExist =
        onlyUpdate ||
        [...Object.values(tracked), ...Object.values(closed)].some(
          issue =>
            issue.metadata?.pr === pr.number ||
            (issue.metadata?.runs ?? []).some(run => run.pr === pr.number)
        )
      const { botLogin } = readState(dir, 'identity')
      const at = now().toISOString()
      comment = await bestEffort(
        () =>
          upsertPrComment(
            github,
            core,
            { owner: context.owner, repo: context.repo, pr: pr.number, botLogin },
            previousBody =>
              renderPrComment({ template, context, outcomes, tracked, previousBody, now: at }),
            { onlyUpdate, dryRun: inputs.dryRun, mayExist }
          ),
        error => {
          const why =
            errorStatus(error) === 403
              ? `the token may not comment on PR #${pr.number} (HTTP 403${pr.fork ? ': pull requests from forks get a read-only token' : ''}). Grant \`pull-requests: write\`, or use the workflow_run recipe in the README`
              : `commenting on PR #${pr.number} failed (${describeError(error)})`
          core.warning(`log-bugs: ${why}; the issue is filed all the same`)
          problems.push(why)
          return null
        }
      )
    }

    await writeSummary(
      core,
      renderSummary(context, outcomes, problems, inputs.dryRun ? comment?.body : undefined)
    )
    core.setOutput('comment-url', comment?.url ?? '')
    return { commentUrl: comment?.url ?? null }
  })
}
