#!/usr/bin/env tsx
// npm run emulator: the local GitHub API emulator with the demo scenario (acme/webapp, PR #12,
// CI runs 2001 and 2002 with 2 of 6 jobs failed), until Ctrl-C. Point any Octokit or curl at it:
//
//   curl -H 'Authorization: Bearer ghs_test-token' $URL/repos/acme/webapp/actions/runs/2001/jobs
import { chalk } from 'zx'
import { startDemoEmulator } from '../dev/demo-world.js'

const { emulator } = await startDemoEmulator()
console.log(`GitHub API emulator: ${emulator.url}`)
console.log('token:               ghs_test-token (a GITHUB_TOKEN-like installation token)')
console.log(`scenario:            acme/webapp, PR #12 by alice, CI runs 2001 and 2002`)
console.log(chalk.gray('Ctrl-C stops it; every request is printed below.'))
// every request, once it has been answered
let printed = 0
const timer = setInterval(() => {
  while (printed < emulator.requests.length && (emulator.requests[printed]?.status ?? 0) > 0) {
    const request = emulator.requests[printed++]
    if (request) console.log(chalk.gray(`${request.method} ${request.path} → ${request.status}`))
  }
}, 200)
process.once('SIGINT', () => {
  clearInterval(timer)
  void emulator.close().then(() => process.exit(0))
})
