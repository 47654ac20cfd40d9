/**
 * Writes a large, realistic Actions job log to a file, streaming (never the whole log in
 * memory): preamble, checkout, setup-node, npm ci, a vitest step with millions of passing
 * tests (some with `error`/`fail` in their names, stderr noise, runner warnings), then a
 * failing test near the end, the exit-code line, post steps and the job end.
 *
 *   npx tsx scripts/debug/make-big-log.ts out.log [--size 100MiB]
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'

export const BIG_LOG_KEY_LINE = ' FAIL  test/unit/math.test.ts > math > adds numbers'

const ESC = '\x1b'
const WS = '/home/runner/work/app/app'

/** `2024-10-08T13:24:44.9714395Z`-style timestamps (7 fractional digits), 0.4 ms apart. */
class Clock {
  private readonly base = Date.UTC(2026, 10, 20, 8, 0, 0)
  private n = 0
  next(): string {
    const micros = ++this.n * 400
    const iso = new Date(this.base + Math.floor(micros / 1000)).toISOString()
    return `${iso.slice(0, 23)}${String((micros % 1000) * 10).padStart(4, '0')}Z`
  }
}

/** Parses `10MiB`, `1GiB`, `500MB`, `12345`. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|KB|MB|GB)?$/i.exec(text.trim())
  if (!match) throw new Error(`bad size ${JSON.stringify(text)} (e.g. 100MiB, 1GiB)`)
  const units: Record<string, number> = {
    b: 1,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9
  }
  return Math.round(Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1))
}

export async function writeBigLog(
  path: string,
  targetBytes: number
): Promise<{ bytes: number; lines: number }> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  const clock = new Clock()
  let buffer = ''
  let bytes = 0
  let lines = 0
  const w = async (text: string): Promise<void> => {
    buffer += `${clock.next()} ${text}\n`
    lines++
    if (buffer.length >= 1 << 20) {
      bytes += Buffer.byteLength(buffer)
      const ok = out.write(buffer)
      buffer = ''
      if (!ok) await once(out, 'drain')
    }
  }
  const cyan = (s: string): string => `${ESC}[36;1m${s}${ESC}[0m`

  await w("Current runner version: '2.330.0'")
  for (const l of ['##[group]Operating System', 'Ubuntu', '24.04.3', 'LTS', '##[endgroup]'])
    await w(l)
  for (const l of [
    '##[group]Runner Image',
    'Image: ubuntu-24.04',
    'Version: 20261116.1.0',
    '##[endgroup]'
  ])
    await w(l)
  await w('##[group]GITHUB_TOKEN Permissions')
  await w('Contents: read')
  await w('##[endgroup]')
  await w(
    "Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)"
  )
  await w(
    "Download action repository 'actions/setup-node@v4' (SHA:49933ea5288caeca8642d1e84afbd3f7d6820020)"
  )
  await w('Complete job name: test')
  for (const l of [
    '##[group]Run actions/checkout@v4',
    'with:',
    '  repository: acme/app',
    '  token: ***',
    '##[endgroup]'
  ])
    await w(l)
  await w('Syncing repository: acme/app')
  await w('[command]/usr/bin/git version')
  await w('git version 2.51.2')
  await w(`[command]/usr/bin/git init ${WS}`)
  await w(`Initialized empty Git repository in ${WS}/.git/`)
  await w('[command]/usr/bin/git log -1 --format=%H')
  await w('cc7be1d7e6e9ca76d2fcbaa28a4455e88fa6d042')
  for (const l of [
    '##[group]Run actions/setup-node@v4',
    'with:',
    '  node-version: 20',
    '  cache: npm',
    '##[endgroup]'
  ])
    await w(l)
  await w('Found in cache @ /opt/hostedtoolcache/node/20.19.5/x64')
  for (const l of [
    '##[group]Run npm ci',
    cyan('npm ci'),
    'shell: /usr/bin/bash -e {0}',
    '##[endgroup]'
  ])
    await w(l)
  await w('npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.')
  await w('added 412 packages, and audited 413 packages in 9s')
  await w('found 0 vulnerabilities')
  for (const l of [
    '##[group]Run npm test',
    cyan('npm test'),
    'shell: /usr/bin/bash -e {0}',
    'env:',
    '  CI: true',
    '##[endgroup]'
  ])
    await w(l)
  await w('')
  await w('> app@1.0.0 test')
  await w('> vitest run --reporter=verbose')
  await w('')
  await w(` RUN  v4.1.12 ${WS}`)
  await w('')

  const tailReserve = 64 * 1024
  let i = 0
  while (bytes + buffer.length < targetBytes - tailReserve) {
    i++
    const file = `test/unit/module-${i % 3001}.test.ts`
    if (i % 97 === 0)
      await w(` ✓ ${file} > errors > reports an error for invalid input #${i} ${i % 7}ms`)
    else if (i % 211 === 0)
      await w(` ✓ ${file} > retry > does not fail after a transient failure #${i} ${i % 5}ms`)
    else if (i % 50_000 === 0) {
      await w(`stderr | ${file} > logger > prints errors`)
      await w(`Error: simulated failure ${i} (expected by the test)`)
      await w('')
    } else if (i % 200_000 === 0) {
      await w(`##[warning]Test ${file} took longer than 5000ms`)
    } else await w(` ✓ ${file} > suite ${i % 13} > handles case number ${i} correctly ${i % 9}ms`)
  }
  const tail = [
    ' × test/unit/math.test.ts > math > adds numbers 5ms',
    '   → expected 3 to be 4 // Object.is equality',
    '',
    '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
    '',
    BIG_LOG_KEY_LINE,
    'AssertionError: expected 3 to be 4 // Object.is equality',
    '',
    '- Expected',
    '+ Received',
    '',
    '- 4',
    '+ 3',
    '',
    ' ❯ test/unit/math.test.ts:5:13',
    "      3| describe('math', () => {",
    "      4|   it('adds numbers', () => {",
    '      5|     expect(add(1, 2)).toBe(4)',
    '       |             ^',
    '      6|   })',
    '',
    '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯',
    '',
    ` Test Files  1 failed | 3000 passed (3001)`,
    `      Tests  1 failed | ${i} passed (${i + 1})`,
    '   Start at  08:00:00',
    '   Duration  3012.55s',
    '',
    '##[error]Process completed with exit code 1.',
    'Post job cleanup.',
    'Cache hit occurred on the primary key node-cache-Linux-x64-npm-0d1f, not saving cache.',
    'Post job cleanup.',
    '[command]/usr/bin/git version',
    'git version 2.51.2',
    `[command]/usr/bin/git config --global --add safe.directory ${WS}`,
    'Cleaning up orphan processes'
  ]
  for (const l of tail) await w(l)
  bytes += Buffer.byteLength(buffer)
  out.end(buffer)
  await once(out, 'finish')
  return { bytes, lines }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { size: { type: 'string', default: '100MiB' }, help: { type: 'boolean' } }
  })
  if (values.help || positionals.length !== 1) {
    console.log('usage: npx tsx scripts/debug/make-big-log.ts <out.log> [--size 100MiB]')
  } else {
    const result = await writeBigLog(positionals[0] as string, parseSize(values.size))
    console.log(JSON.stringify(result))
  }
}
