import type { RouteHandler } from '../route-context.js'
import type { ServedRoute } from '../served-routes.js'
import {
  downloadJobLogsForWorkflowRun,
  getJobForWorkflowRun,
  getWorkflowRun,
  listJobsForWorkflowRun,
  listJobsForWorkflowRunAttempt,
  listWorkflowRuns
} from './action-routes.js'
import { addAssignees, checkUserCanBeAssigned } from './assignee-routes.js'
import {
  createComment,
  deleteComment,
  getComment,
  listComments,
  updateComment
} from './comment-routes.js'
import { createIssue, getIssue, listForRepo, updateIssue } from './issue-routes.js'
import { addLabels, createLabel, getLabel, listLabelsForRepo } from './label-routes.js'
import { getPull, listPullRequestsAssociatedWithCommit, listPulls } from './pull-routes.js'
import { getAuthenticatedUser, getRateLimit, getRepository } from './repository-routes.js'
import { searchIssuesAndPullRequests } from './search-routes.js'

/** One handler per served route; the type makes a missing or extra route a compile error. */
export const routeHandlers: Record<ServedRoute, RouteHandler> = {
  'GET /repos/{owner}/{repo}': getRepository,
  'GET /user': getAuthenticatedUser,
  'GET /rate_limit': getRateLimit,
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': listWorkflowRuns,
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}': getWorkflowRun,
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs': listJobsForWorkflowRun,
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs':
    listJobsForWorkflowRunAttempt,
  'GET /repos/{owner}/{repo}/actions/jobs/{job_id}': getJobForWorkflowRun,
  'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs': downloadJobLogsForWorkflowRun,
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': listPullRequestsAssociatedWithCommit,
  'GET /repos/{owner}/{repo}/pulls': listPulls,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': getPull,
  'GET /repos/{owner}/{repo}/issues': listForRepo,
  'POST /repos/{owner}/{repo}/issues': createIssue,
  'GET /repos/{owner}/{repo}/issues/{issue_number}': getIssue,
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': updateIssue,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': getComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment,
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': deleteComment,
  'GET /repos/{owner}/{repo}/labels': listLabelsForRepo,
  'GET /repos/{owner}/{repo}/labels/{name}': getLabel,
  'POST /repos/{owner}/{repo}/labels': createLabel,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': addLabels,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees': addAssignees,
  'GET /repos/{owner}/{repo}/assignees/{assignee}': checkUserCanBeAssigned,
  'GET /search/issues': searchIssuesAndPullRequests
}
