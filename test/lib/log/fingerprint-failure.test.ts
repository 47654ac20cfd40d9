import { describe, expect, it } from 'vitest'
import {
  canonicalSignature,
  fingerprintFailure,
  normalizeStepName,
  type FingerprintInput
} from '../../../scripts/lib/log/fingerprint-failure.js'

const base: FingerprintInput = {
  workflow: '.github/workflows/ci.yml',
  job: 'test (ubuntu-latest, 20)',
  step: 'Run npm test',
  category: 'test',
  signature: ['FAILED tests/test_a.py::test_x - AssertionError: assert 1 == 2']
}

describe('fingerprintFailure', () => {
  it('is v1: plus 32 hex characters', () => {
    expect(fingerprintFailure(base)).toMatch(/^v1:[0-9a-f]{32}$/)
  })

  it.each<[string, Partial<FingerprintInput>]>([
    ['another matrix leg', { job: 'test (windows-latest, 22)' }],
    ['another shard number in the step name', {}],
    ['signature lines in another order', {}],
    [
      'volatile numbers in the signature',
      { signature: ['FAILED tests/test_a.py::test_x - AssertionError: assert 1 == 3'] }
    ],
    ['an exit code', { exitCode: 2 }]
  ])('stays the same for %s', (_, change) => {
    expect(fingerprintFailure({ ...base, ...change })).toBe(fingerprintFailure(base))
  })

  it('ignores shard numbers in step names and the order of signature lines', () => {
    const a = fingerprintFailure({ ...base, step: 'Test shard 1', signature: ['b', 'a'] })
    const b = fingerprintFailure({ ...base, step: 'Test shard 3', signature: ['a', 'b', 'a'] })
    expect(a).toBe(b)
  })

  it.each<[string, Partial<FingerprintInput>]>([
    ['another workflow', { workflow: '.github/workflows/nightly.yml' }],
    ['another job', { job: 'lint' }],
    ['another step', { step: 'Run npm run e2e' }],
    ['another category', { category: 'build' }],
    [
      'another test',
      { signature: ['FAILED tests/test_a.py::test_y - AssertionError: assert 1 == 2'] }
    ],
    ['a timeout', { terminal: 'timeout' }]
  ])('changes for %s', (_, change) => {
    expect(fingerprintFailure({ ...base, ...change })).not.toBe(fingerprintFailure(base))
  })

  it('hashes a timeout by class and step, not text', () => {
    const a = fingerprintFailure({ ...base, terminal: 'timeout', signature: ['one'] })
    const b = fingerprintFailure({ ...base, terminal: 'timeout', signature: ['two'] })
    expect(a).toBe(b)
    expect(fingerprintFailure({ ...base, terminal: 'timeout', step: 'Build' })).not.toBe(a)
  })

  it('falls back to the exit code when there is no signature', () => {
    const a = fingerprintFailure({ ...base, signature: [], exitCode: 1 })
    expect(fingerprintFailure({ ...base, signature: [], exitCode: 1 })).toBe(a)
    expect(fingerprintFailure({ ...base, signature: [], exitCode: 2 })).not.toBe(a)
  })
})

describe('canonicalSignature', () => {
  it('normalises, cuts to 200 characters, dedupes, sorts and keeps five', () => {
    const long = `error: ${'x'.repeat(300)}`
    expect(canonicalSignature(['z 1', 'a 2', 'z 3', long])).toEqual([
      'a <n>',
      `error: ${'x'.repeat(193)}`,
      'z <n>'
    ])
    const many = canonicalSignature(['g', 'f', 'e', 'd', 'c', 'b', 'a'])
    expect(many).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('keeps advisory ids verbatim, all of them', () => {
    const ids = [
      'GHSA-p6mc-m468-83gw',
      'CVE-2021-23337',
      'PYSEC-2023-45',
      'GHSA-h5c8-rqwp-cp95',
      'CVE-2020-8203',
      'CVE-2019-10744'
    ]
    expect(canonicalSignature(ids)).toEqual([...ids].sort())
  })
})

describe('normalizeStepName', () => {
  it.each([
    ['Test shard 2 of 4', 'Test shard # of #'],
    [null, ''],
    ['Run  npm test', 'Run npm test']
  ])('%j → %j', (name, expected) => {
    expect(normalizeStepName(name)).toBe(expected)
  })
})
