import type { ErrorPattern } from './pattern.js'

const SHELLCHECK_FILE = /^In \S+ line \d+:$/

/** The shell: shellcheck and commands it cannot run. */
export const SHELL_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'shellcheck',
    tool: 'shellcheck',
    tier: 1,
    weight: 9,
    category: 'lint',
    pattern:
      /^\s*\^-*\^? SC\d{4} \((?:error|warning|info|style)\): .+|^\S+:\d+:\d+: (?:error|warning|note|style): .+\[SC\d{4}\]$/,
    before: 2,
    after: 0,
    fileLineAbove: SHELLCHECK_FILE,
    keywords: /SC\d{4}/,
    example:
      '                   ^------^ SC2086 (info): Double quote to prevent globbing and word splitting.'
  },
  {
    id: 'shell-not-found',
    tool: 'shell',
    tier: 1,
    weight: 7,
    category: null,
    // bash (`line 2: pnpmx: command not found`) and dash (`/bin/sh: 1: pnpmx: not found`)
    pattern:
      /^(?:\S+: )?(?:line \d+: )?\S+: (?:command not found|No such file or directory|Permission denied)$|^(?:\S*\/)?(?:ba|da|z|k)?sh: (?:line )?\d+: \S+: not found$/,
    before: 1,
    after: 0,
    keywords: /\bline \d+:|found|not found|denied/,
    example: '/home/runner/work/_temp/1b2c.sh: line 2: pnpmx: command not found'
  }
]
