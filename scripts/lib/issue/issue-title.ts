import { normalizeJobName } from '../log/normalize-job-name.js'
import { escapeTitle } from '../markdown/escape-markdown.js'
import { cleanUntrusted } from '../untrusted/clean-untrusted.js'

const TITLE_LIMIT = 200

/**
 * `[<branch>] <job> job failed: <headline>`, the form users of the original bug logger know.
 * GitHub shows titles as plain text, but other workflows often paste `github.event.issue.title`
 * into a shell: so the title never carries `${{`, `$(`, backticks or `#N` (a cross-reference)
 * from a branch name or log line.
 */
export function buildIssueTitle(branch: string, job: string, headline: string | null): string {
  const base = `[${branch || 'no branch'}] ${normalizeJobName(job)} job failed`
  const text = headline ? `${base}: ${cleanUntrusted(headline).trim()}` : base
  return escapeTitle(text, TITLE_LIMIT)
    .replace(/\$(?=\{\{|\()/g, '$ ')
    .replace(/`/g, "'")
    .replace(/#(?=\d)/g, '＃')
}
