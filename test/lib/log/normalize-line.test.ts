import { describe, expect, it } from 'vitest'
import { normalizeLine } from '../../../scripts/lib/log/normalize-line.js'

describe('normalizeLine', () => {
  // one row per mask, in the order they apply (docs/log-analysis.md §3.3)
  it.each([
    // 1–3 workspace (Linux, macOS, container, Windows, self-hosted) → repository-relative
    [
      "/home/runner/work/app/app/src/a.ts(15,10): error TS2322: Type 'string'",
      "src/a.ts(<n>): error TS2322: Type 'string'"
    ],
    ['/Users/runner/work/app/app/src/a.ts:15:10 - error TS2322', 'src/a.ts:<n> - error TS2322'],
    ['/__w/app/app/src/a.ts:15:10 - error TS2322', 'src/a.ts:<n> - error TS2322'],
    [
      "D:\\a\\app\\app\\src\\a.ts(15,10): error TS2322: Type 'string'",
      "src/a.ts(<n>): error TS2322: Type 'string'"
    ],
    ['/opt/actions-runner/_work/app/app/lib/x.py:3: error: boom', 'lib/x.py:<n>: error: boom'],
    ["Working directory is '/home/runner/work/app/app'", "Working directory is '<ws>'"],
    // 4 runner temp
    ['bash /home/runner/work/_temp/23e6a1b2-1111-2222-3333-444455556666.sh', 'bash <tmp>'],
    // tool cache and home
    ['/opt/hostedtoolcache/node/20.19.5/x64/bin/node', '<toolcache>/node/<ver>/x64/bin/node'],
    ["Copying '/home/runner/.gitconfig'", "Copying '~/.gitconfig'"],
    // 5 OS temp, pytest basetemp, mkdtemp-style names, Windows %TEMP%
    ['/tmp/pytest-of-runner/pytest-3/test_x0/out.txt missing', '<tmp> missing'],
    ['/tmp/tmp.Xa81kQ/file missing', '<tmp> missing'],
    ['/private/var/folders/x1/abc/T/build-1/out.o missing', '<tmp> missing'],
    ['opened tmpab12cd34.sqlite and tmp.Xa81kQ', 'opened <tmp>.sqlite and <tmp>'],
    ['C:\\Users\\runneradmin\\AppData\\Local\\Temp\\xyz123\\a.txt', '<tmp>'],
    // 6 ISO timestamps, 7 clock times
    ['at 2024-10-08T13:24:44.9714395Z done', 'at <ts> done'],
    ['at 2024-10-08 13:24:44,123+02:00 done', 'at <ts> done'],
    ['started 12:03:44.123', 'started <time>'],
    // 8 UUID, 9 0x hex, 10 SHA-like hex (needs a digit and a letter)
    ['request 550e8400-e29b-41d4-a716-446655440000 failed', 'request <uuid> failed'],
    ['<Foo object at 0x7f3a2b1c9d30>', '<Foo object at <hex>>'],
    ['commit 8c5b0edbe8c46fc2cd42de2cfc4cce2790262401', 'commit <sha>'],
    ['short abcdef1 but not deadbeef or cafe', 'short <sha> but not deadbeef or cafe'],
    // 11 IPv4(+port), 12 localhost ports
    ['connect ECONNREFUSED 127.0.0.1:41873', 'connect ECONNREFUSED <ip>'],
    ['GET http://localhost:39787/health', 'GET http://localhost:<port>/health'],
    // 13 file:line[:col], (l,c), maven :[l,c], `line N`
    ['src/a.rs:12:5', 'src/a.rs:<n>'],
    ['src/App.java:[11,28] cannot find symbol', 'src/App.java:[<n>] cannot find symbol'],
    ['  File "app/x.py", line 123, in handler', 'File "app/x.py", line <n>, in handler'],
    // 14 durations
    ['--- FAIL: TestFoo (0.43s)', '--- FAIL: TestFoo (<dur>)'],
    ['Time: 6m19.31s, took (5 ms), waited 2 minutes', 'Time: <dur>, took (<dur>), waited <dur>'],
    // 15 versions
    ["Current runner version: '2.320.0'", "Current runner version: '<ver>'"],
    ['typescript@5.4.2 and v1.2.3-beta.1', 'typescript@<ver> and <ver>'],
    // 16 PIDs
    ['process 4242 exited (pid=77)', 'process <n> exited (pid <n>)'],
    // 17 free-standing numbers
    ['expected 10 got 12', 'expected <n> got <n>'],
    ['#12 [build 3/7] RUN npm ci', '#<n> [build <n>/<n>] RUN npm ci'],
    // identifiers with digits are kept
    [
      'E0425 F401 SC2086 TS2322 py310 test_case_3 ES2022 YN0028',
      'E0425 F401 SC2086 TS2322 py310 test_case_3 ES2022 YN0028'
    ],
    // 18 whitespace
    ['   a \t  b   ', 'a b']
  ])('%j → %j', (input, expected) => {
    expect(normalizeLine(input)).toBe(expected)
  })

  it('gives two runs of one failure the same text', () => {
    const a =
      '/home/runner/work/app/app/tests/test_api.py:33: AssertionError at 2026-01-01T10:00:00Z (pid 123, 0.31s)'
    const b =
      'D:\\a\\app\\app\\tests\\test_api.py:35: AssertionError at 2026-01-02T11:30:00Z (pid 9876, 1.2s)'
    expect(normalizeLine(a)).toBe(normalizeLine(b))
  })

  it('keeps different error codes and test names apart', () => {
    expect(normalizeLine('error TS2322: x')).not.toBe(normalizeLine('error TS2345: x'))
    expect(normalizeLine('FAILED t.py::test_a')).not.toBe(normalizeLine('FAILED t.py::test_b'))
  })

  it('is idempotent', () => {
    const once = normalizeLine(
      '/home/runner/work/a/a/x.ts(3,7): error TS2322 at 12:00:01 in 0.5s v1.2.3 #4'
    )
    expect(normalizeLine(once)).toBe(once)
  })
})
