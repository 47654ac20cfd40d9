import { link } from './build-issue.js'
import { escapeInline } from '../markdown/escape-markdown.js'
import { fenceCode } from '../markdown/fence-code.js'
import type { FiledIssue, RunContext } from '../step/types.js'

/** The step summary caps at 1 MiB per step (runner's AttachmentSizeLimit); stay well inside. */
const SUMMARY_BUDGET = 512 * 1024

/**
 * The job summary: each failure with its jobs, its issue and whether it was new or a repeat,
 * plus any problem, and in dry-run or when filing was refused, the would-be issue's source.
 * Every value in it was escaped when the issue was built, or is escaped here.
 */
export function renderSummary(
  context: RunContext,
  issues: FiledIssue[],
  problems: string[] = [],
  comment?: string
): string {
  const lines = ['## log-bugs', '']
  if (context.failedJobs.length === 0) lines.push('No failed job was found in this run.', '')
  if (issues.length > 0) {
    lines.push('| Failure | Jobs | Issue | Seen |', '| --- | --- | --- | --- |')
    for (const issue of issues) {
      const where =
        issue.number !== null
          ? `${link(`#${issue.number}`, issue.url)} ${issue.resolved ? '(closed: the branch is green)' : issue.created ? '(new)' : '(repeat)'}`
          : issue.wouldBe
            ? issue.error
              ? 'not filed (see below)'
              : 'dry-run: not filed'
            : 'not filed'
      lines.push(
        `| ${escapeInline(issue.title, 120)} | ${issue.jobs.map(job => escapeInline(job, 80)).join(', ')} | ${where} | ${issue.attemptCount}× |`
      )
    }
    lines.push('')
  }
  for (const problem of problems) lines.push(`> [!WARNING]`, `> ${escapeInline(problem, 1000)}`, '')
  if (comment)
    lines.push(
      '<details><summary>Pull request comment</summary>',
      '',
      fenceCode(comment, 'markdown'),
      '',
      '</details>',
      ''
    )
  for (const issue of issues) {
    if (!issue.wouldBe) continue
    lines.push(
      `<details><summary>Would-be issue: ${escapeInline(issue.wouldBe.title, 120)}</summary>`,
      '',
      fenceCode(issue.wouldBe.body, 'markdown'),
      '',
      '</details>',
      ''
    )
  }
  const text = lines.join('\n')
  return text.length <= SUMMARY_BUDGET
    ? text
    : `${text.slice(0, SUMMARY_BUDGET)}\n\n… (summary truncated)\n`
}
