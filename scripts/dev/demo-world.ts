// The demo's world: acme/webapp, PR #12 by alice on feature/7-login, and CI runs whose failed
// jobs carry real tool output from the corpus (test/fixtures/logs).
import { startEmulator, type Emulator } from './emulator/index.js'
import { baseScenario, ciContext, ciRun, corpusCase } from './scenarios.js'
import type { Context } from '../lib/step/types.js'

const DEMO_PASSED = ['lint', 'format', 'security', 'build']

function demoRuns() {
  const tsc = corpusCase({ tool: 'tsc' })
  const tests = corpusCase({ tool: 'vitest' })
  return [
    ciRun({
      id: 2001,
      pr: 12,
      passed: DEMO_PASSED,
      failed: [
        ['typecheck', tsc],
        ['test', tests]
      ]
    }),
    ciRun({
      id: 2002,
      pr: 12,
      passed: DEMO_PASSED,
      failed: [
        ['typecheck', corpusCase({ id: tsc.id.replace('--run1', '--run2') })],
        ['test', corpusCase({ id: tests.id.replace('--run1', '--run2') })]
      ]
    })
  ]
}

export function demoContext(apiUrl: string, runId = 2001): Context {
  return ciContext(apiUrl, runId)
}

/** The emulator with the demo scenario, on 127.0.0.1 at a free port, and a run's context. */
export async function startDemoEmulator(
  runId = 2001
): Promise<{ emulator: Emulator; context: Context }> {
  const emulator = await startEmulator(baseScenario(demoRuns()))
  return { emulator, context: demoContext(emulator.url, runId) }
}
