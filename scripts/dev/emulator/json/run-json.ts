import { findPull, type RunModel } from '../state.js'
import { repoApiUrl, webUrl, type JsonContext } from './json-context.js'
import { repositoryJson } from './repository-json.js'
import { userJson } from './user-json.js'

/**
 * A workflow run. `pull_requests` lists only the PR numbers the scenario put there: GitHub leaves
 * it empty for PRs from forks (github/docs#22501), so clients must not rely on it.
 */
export function runJson(
  ctx: JsonContext,
  run: RunModel,
  options: { excludePullRequests?: boolean } = {}
): Record<string, unknown> {
  const repoApi = repoApiUrl(ctx)
  const url = `${repoApi}/actions/runs/${run.id}`
  const fork = ctx.state.pulls.find(p => p.fork && p.head.sha === run.head_sha)
  const headRepository = repositoryJson(ctx, fork?.head.repo ?? ctx.state.fullName)
  const pullRequests = options.excludePullRequests
    ? []
    : run.pull_requests.flatMap(number => {
        const pull = findPull(ctx.state, number)
        if (!pull) return []
        const repo = { id: ctx.state.repoId, url: repoApi, name: ctx.state.repo }
        return [
          {
            url: `${repoApi}/pulls/${number}`,
            id: pull.id,
            number,
            head: { ref: pull.head.ref, sha: pull.head.sha, repo },
            base: { ref: pull.base.ref, sha: pull.base.sha, repo }
          }
        ]
      })
  return {
    id: run.id,
    name: run.name,
    node_id: run.node_id,
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.path,
    display_title: run.display_title,
    run_number: run.run_number,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow_id,
    check_suite_id: run.id + 1_000_000,
    check_suite_node_id: `CS_kwDO${run.id}`,
    url,
    html_url: `${webUrl(ctx)}/${ctx.state.fullName}/actions/runs/${run.id}`,
    pull_requests: pullRequests,
    created_at: run.created_at,
    updated_at: run.updated_at,
    actor: userJson(ctx, run.actor),
    run_attempt: run.run_attempt,
    referenced_workflows: [],
    run_started_at: run.run_started_at,
    triggering_actor: userJson(ctx, run.actor),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoApi}/check-suites/${run.id + 1_000_000}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: run.run_attempt > 1 ? `${url}/attempts/${run.run_attempt - 1}` : null,
    workflow_url: `${repoApi}/actions/workflows/${run.workflow_id}`,
    head_commit: {
      id: run.head_sha,
      tree_id: run.head_sha.split('').reverse().join(''),
      message: run.display_title,
      timestamp: run.created_at,
      author: { name: run.actor, email: `${run.actor}@users.noreply.github.com` },
      committer: { name: 'GitHub', email: 'noreply@github.com' }
    },
    repository: repositoryJson(ctx),
    head_repository: headRepository,
    head_repository_id: headRepository.id
  }
}
