#!/usr/bin/env tsx
// npm run demo: the whole flow against the embedded GitHub emulator. Starts the emulator with a
// failing PR run (real tool output in Actions log format), runs actions/log-bugs/action.yml the
// way the runner does, and prints the filed issues and the PR comment as GitHub would show them.
// Then a second run fails the same way, to show the dedup: no new issue, one comment, the PR
// comment edited in place.
import { Octokit } from '@octokit/rest'
import { chalk } from 'zx'
import { OWNER, REPO } from '../dev/scenarios.js'
import { runAction, type ActionRun } from '../dev/run-action.js'
import { demoContext, startDemoEmulator } from '../dev/demo-world.js'

const rule = (title: string) => console.log(`\n${chalk.bold.inverse(` ${title} `)}\n`)

function showRun(run: ActionRun): void {
  for (const step of run.steps) {
    const mark =
      step.outcome === 'success'
        ? chalk.green('✓')
        : step.outcome === 'failure'
          ? chalk.red('✗')
          : chalk.gray('-')
    console.log(`${mark} ${step.id}`)
    for (const message of step.core.messages) {
      if (message.level === 'debug' || message.message.includes('\n')) continue
      const color =
        message.level === 'warning'
          ? chalk.yellow
          : message.level === 'failed'
            ? chalk.red
            : chalk.gray
      console.log(color(`    ${message.message}`))
    }
  }
  console.log(chalk.gray(`outputs: ${JSON.stringify(run.outputs)}`))
}

async function main(): Promise<void> {
  const started = Date.now()
  const { emulator } = await startDemoEmulator()
  const octokit = new Octokit({
    auth: 'ghs_test-token',
    baseUrl: emulator.url,
    log: { debug() {}, info() {}, warn() {}, error() {} }
  })
  try {
    console.log(
      chalk.bold(
        `GitHub API emulator on ${emulator.url}: ${OWNER}/${REPO}, PR #12 by alice, CI run 2001 with 2 of 6 jobs failed`
      )
    )

    rule('Run 2001 fails: log-bugs runs')
    const actionRequests: string[] = []
    const mark = emulator.requests.length
    const first = await runAction({
      apiUrl: emulator.url,
      inputs: { 'run-id': '2001' },
      context: demoContext(emulator.url, 2001)
    })
    showRun(first)
    actionRequests.push(...emulator.requests.slice(mark).map(r => r.route))

    const issues = (
      await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: OWNER,
        repo: REPO,
        state: 'all'
      })
    ).filter(i => !i.pull_request)
    for (const issue of issues) {
      rule(`Issue #${issue.number}`)
      console.log(chalk.bold(issue.title))
      console.log(
        chalk.gray(
          `labels: ${issue.labels.map(l => (typeof l === 'string' ? l : l.name)).join(', ')} · assignees: ${issue.assignees?.map(a => a.login).join(', ') || 'none'} · author: ${issue.user?.login}`
        )
      )
      console.log(`\n${issue.body}`)
    }
    const prComments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 12
    })
    rule(`PR #12 comment (${prComments.length} log-bugs comment on the PR)`)
    console.log(prComments[0]?.body)

    rule('Run 2002 fails the same way: log-bugs runs again')
    const secondMark = emulator.requests.length
    const second = await runAction({
      apiUrl: emulator.url,
      inputs: { 'run-id': '2002' },
      context: demoContext(emulator.url, 2002)
    })
    showRun(second)
    actionRequests.push(...emulator.requests.slice(secondMark).map(r => r.route))
    const after = (
      await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: OWNER,
        repo: REPO,
        state: 'all'
      })
    ).filter(i => !i.pull_request)
    console.log(`\nissues: ${issues.length} before, ${after.length} after (no duplicate filed)`)
    for (const issue of after) {
      // a repeat notifies nobody: it updates the "Seen" section of the issue body
      rule(`Issue #${issue.number}: the "Seen" section after the repeat (no comment)`)
      const seen = /<!-- log-bugs:history -->[\s\S]*<!-- \/log-bugs:history -->/.exec(
        issue.body ?? ''
      )
      console.log(seen?.[0] ?? '(none)')
    }
    const edited = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 12
    })
    rule(`PR #12 comment, edited in place (still ${edited.length} comment, id ${edited[0]?.id})`)
    console.log(edited[0]?.body)

    rule('Requests log-bugs made in the two runs')
    const counts: Record<string, number> = {}
    for (const route of actionRequests) counts[route] = (counts[route] ?? 0) + 1
    for (const [route, count] of Object.entries(counts).sort())
      console.log(`${String(count).padStart(3)}  ${route}`)
    console.log(chalk.gray(`\n${actionRequests.length} requests, ${Date.now() - started} ms`))
  } finally {
    await emulator.close()
  }
}

main().catch(error => {
  console.error(chalk.red(error instanceof Error ? (error.stack ?? error.message) : String(error)))
  process.exitCode = 1
})
