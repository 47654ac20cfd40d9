import { describe, expect, it } from 'vitest'
import { extractFeature } from '../../../scripts/lib/issue/extract-feature.js'

describe('extractFeature', () => {
  it.each([
    ['feature/7-login', '7', 'login'],
    ['feat/7', '7', ''],
    ['7-login', '7', 'login'],
    ['story-7', '7', ''],
    ['feature/42-user-login-form', '42', 'user login form'],
    ['fix/ABC-12-null-check', 'ABC-12', 'null check'],
    ['users/bob/feature/9_dark_mode', '9', 'dark mode'],
    ['gh-101', '101', ''],
    ['issue#5-crash', '5', 'crash'],
    ['main', '', ''],
    ['release/1.2.3', '', ''],
    ['renovate/node-20.x', '', ''],
    ['dependabot/npm_and_yarn/lodash-4.17.21', '', ''],
    ['', '', ''],
    ['feature/login', '', '']
  ])('%j → id %j, name %j', (branch, id, name) => {
    expect(extractFeature(branch)).toEqual({ id, name })
  })
})
