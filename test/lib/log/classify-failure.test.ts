import { describe, expect, it } from 'vitest'
import {
  categoryFromStepName,
  classifyFailure,
  isSetupStep,
  type CategoryEvidence
} from '../../../scripts/lib/log/classify-failure.js'

const none: CategoryEvidence = {
  keyCategories: [],
  stepNames: [],
  terminal: null,
  setupStep: false,
  advisoryCount: 0
}

describe('classifyFailure', () => {
  it.each<[string, Partial<CategoryEvidence>, string]>([
    ['a runner timeout', { terminal: 'timeout', keyCategories: ['test'] }, 'infrastructure'],
    ['a setup step', { setupStep: true, keyCategories: ['dependency'] }, 'infrastructure'],
    ['advisories', { advisoryCount: 2, keyCategories: ['test'] }, 'security'],
    [
      'the first key line with a category',
      { keyCategories: [null, 'type-check', 'lint'] },
      'type-check'
    ],
    [
      'the step name when no key line has a category',
      { keyCategories: [null], stepNames: ['Lint'] },
      'lint'
    ],
    [
      'other candidates before giving up',
      { keyCategories: [null], candidateCategories: [null, 'test'], stepNames: ['Seed'] },
      'test'
    ],
    [
      'build for an unclaimed error line',
      { keyCategories: [null], stepNames: ['Seed database'] },
      'build'
    ],
    ['unknown when nothing matched', { stepNames: ['Seed database'] }, 'unknown']
  ])('%s', (_, evidence, expected) => {
    expect(classifyFailure({ ...none, ...evidence })).toBe(expected)
  })
})

describe('categoryFromStepName', () => {
  it.each([
    ['Lint', 'lint'],
    ['Run npx eslint .', 'lint'],
    ['Check formatting', 'format'],
    ['Run black --check .', 'format'],
    ['Type-check', 'type-check'],
    ['Run npx tsc --noEmit', 'type-check'],
    ['Run npm test', 'test'],
    ['Smoke test', 'test'],
    ['Install dependencies', 'dependency'],
    ['Run npm audit --audit-level=high', 'security'],
    ['Build with Maven', 'build'],
    ['Seed database', null],
    [null, null]
  ])('%j → %j', (name, expected) => {
    expect(categoryFromStepName(name)).toBe(expected)
  })
})

describe('isSetupStep', () => {
  it.each([
    ['Run actions/setup-node@v4', true],
    ['Run actions/checkout@v4', true],
    ['Run pnpm/action-setup@v4', true],
    ['Run actions/cache@v4', true],
    ['Set up job', true],
    ['Initialize containers', true],
    ['Run npm ci', false],
    ['Run ./.github/actions/setup', false],
    ['Set up Node', false]
  ])('%j → %s', (name, expected) => {
    expect(isSetupStep(name)).toBe(expected)
  })
})
