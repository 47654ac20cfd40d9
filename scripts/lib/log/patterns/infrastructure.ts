import type { ErrorPattern } from './pattern.js'

/** Infrastructure: a full disk, no Docker daemon, GitHub API refusals, rate limits, out of memory, crash signals. */
export const INFRASTRUCTURE_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'disk-full',
    tool: 'runner',
    tier: 1,
    weight: 8,
    category: 'infrastructure',
    pattern: /no space left on device/i,
    keywords: /space left/,
    example: 'ENOSPC: no space left on device, write'
  },
  {
    id: 'docker-daemon',
    tool: 'docker',
    tier: 1,
    weight: 8,
    category: 'infrastructure',
    pattern: /Cannot connect to the Docker daemon at \S+/,
    keywords: /Docker daemon/,
    example:
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'
  },
  {
    id: 'github-api',
    tool: 'github',
    tier: 1,
    weight: 8,
    category: 'infrastructure',
    // the workflow token lacks a permission, or the API refused: not the project's code
    pattern:
      /\bResource not accessible by integration\b|\bHttpError: (?:Bad credentials|Not Found|Must have admin rights|Requires authentication)/,
    before: 1,
    after: 3,
    keywords: /rror|not accessible/,
    example: 'Unhandled error: HttpError: Resource not accessible by integration'
  },
  {
    id: 'rate-limit',
    tool: 'runner',
    tier: 1,
    weight: 7,
    category: 'infrastructure',
    pattern: /\b(?:API )?rate limit exceeded\b|\btoomanyrequests\b/i,
    keywords: /rror|ate limit|exceeded|toomanyrequests/,
    example: 'Error: API rate limit exceeded for installation ID 123456.'
  },
  {
    id: 'oom',
    tool: 'runner',
    tier: 1,
    weight: 7,
    category: 'infrastructure',
    pattern:
      /^(?:.*: )?(?:Killed|Segmentation fault)(?: \(core dumped\))?$|JavaScript heap out of memory|\bOOMKilled\b|exit code 137\b/,
    keywords: /ERR|ail|FATAL|Killed|egmentation|OOM/,
    example: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'
  },
  {
    id: 'signal-crash',
    tool: 'runner',
    tier: 1,
    weight: 7,
    // a process the test harness or cargo saw die of a crash signal (not the project's words)
    category: null,
    pattern:
      /\b(?:[Rr]eceived|[Gg]ot|[Cc]aught|[Kk]illed by|[Tt]erminated by|[Dd]ied (?:of|with)) signal:? (?:\d+ \()?SIG(?:SEGV|BUS|ABRT|ILL|FPE|KILL|SYS|TRAP)\b|\(signal: \d+, SIG[A-Z]{3,4}\b/,
    keywords: /ail|SIG[A-Z]{3}|bort/,
    example: 'test_io 1/1 failed! Received signal: SIGSEGV'
  }
]
