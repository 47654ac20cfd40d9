import { octokitFor, type Emulator } from '../../scripts/dev/emulator/index.js'
import { OWNER, REPO } from '../../scripts/dev/scenarios.js'

/** Every issue of the scenarios' repository, open or closed, pull requests left out, by number. */
export async function issuesOf(gh: Emulator, token?: string) {
  const octokit = octokitFor(gh, token)
  const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: OWNER,
    repo: REPO,
    state: 'all',
    per_page: 100
  })
  return all.filter(issue => !issue.pull_request).sort((a, b) => a.number - b.number)
}

/** The comments on an issue or pull request, oldest first. */
export async function commentsOf(gh: Emulator, issue: number, token?: string) {
  const octokit = octokitFor(gh, token)
  return octokit.paginate(octokit.rest.issues.listComments, {
    owner: OWNER,
    repo: REPO,
    issue_number: issue,
    per_page: 100
  })
}
