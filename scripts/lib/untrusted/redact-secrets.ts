const REDACTED = '[REDACTED]'
const REDACTED_KEY = '[REDACTED PRIVATE KEY]'

// Every pattern here must stay linear on a 5 MB line with no newline. Two habits keep it so:
// patterns start with a literal (V8 skips ahead to it), or with a lookbehind that refuses to
// start inside a run of the class that follows, so a run is scanned from its first character
// only; and no two adjacent quantified parts can match the same character.

type Replace = (match: string, groups: (string | undefined)[]) => string | null

interface Rule {
  pattern: RegExp
  /** the replacement, or null to leave the match alone */
  replace: Replace
}

/** A rule that keeps group 1 (a non-secret prefix such as `ghp_`) and redacts the rest. */
function keepPrefix(pattern: RegExp): Rule {
  return { pattern, replace: (_match, groups) => `${groups[0] ?? ''}${REDACTED}` }
}

// Tokens recognisable by shape alone, anywhere in the text. Fake examples of each are in
// test/lib/redact-secrets.test.ts.
const SHAPE_RULES: Rule[] = [
  // GitHub: classic PAT, OAuth, user-to-server, server-to-server (GITHUB_TOKEN) and refresh
  // tokens are a prefix plus 36 base62 characters today; GitHub reserves the right to lengthen
  // them, hence {36,}.
  keepPrefix(/(gh[pousr]_)[A-Za-z0-9]{36,}/g),
  // fine-grained PAT: github_pat_ + 22 + '_' + 59 characters
  keepPrefix(/(github_pat_)[A-Za-z0-9_]{22,}/g),
  // old installation tokens: 'v1.' + 40 hex
  keepPrefix(/(?<![A-Za-z0-9_.])(v1\.)[0-9a-f]{40}(?![A-Za-z0-9])/g),
  // AWS access key ids: AKIAIOSFODNN7EXAMPLE
  keepPrefix(
    /(?<![A-Za-z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g
  ),
  // Slack: xoxb- xoxp- xoxa- xoxr- xoxs- xoxe.xoxp- and app-level xapp- tokens
  keepPrefix(/(xox[abprse](?:\.xox[abprse])?-|xapp-)[A-Za-z0-9-]{10,}/g),
  // Slack and Discord webhooks: the path after the fixed part is the credential
  keepPrefix(/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9_/-]+/g),
  keepPrefix(/(discord(?:app)?\.com\/api\/webhooks\/)[0-9]+\/[A-Za-z0-9_-]+/g),
  // npm granular/automation tokens
  keepPrefix(/(npm_)[A-Za-z0-9]{36,}/g),
  // PyPI API tokens are 'pypi-' + a base64url macaroon, ~180 characters
  keepPrefix(/(pypi-)[A-Za-z0-9_-]{40,}/g),
  // Google API keys (AIza + 35), OAuth access tokens, OAuth client secrets
  keepPrefix(/(AIza)[0-9A-Za-z_-]{35,}/g),
  keepPrefix(/(ya29\.)[0-9A-Za-z_-]{20,}/g),
  keepPrefix(/(GOCSPX-)[0-9A-Za-z_-]{20,}/g),
  // Stripe secret and restricted keys (live and test mode), webhook signing secrets
  keepPrefix(/((?:sk|rk)_(?:live|test)_)[0-9A-Za-z]{16,}/g),
  keepPrefix(/(whsec_)[0-9A-Za-z+/]{24,}/g),
  // GitLab, Docker Hub, Hugging Face, HashiCorp Vault, Anthropic and OpenAI keys
  keepPrefix(/(glpat-)[0-9A-Za-z_-]{20,}/g),
  keepPrefix(/(dckr_pat_)[0-9A-Za-z_-]{20,}/g),
  keepPrefix(/(?<![A-Za-z0-9])(hf_)[A-Za-z0-9]{30,}/g),
  keepPrefix(/(?<![A-Za-z0-9])(hv[sb]\.)[A-Za-z0-9_-]{24,}/g),
  keepPrefix(/(?<![A-Za-z0-9])(sk-(?:ant|proj|svcacct|admin)-)[A-Za-z0-9_-]{20,}/g),
  keepPrefix(/(?<![A-Za-z0-9_-])(sk-)[A-Za-z0-9]{48}(?![A-Za-z0-9])/g),
  // SendGrid: SG.<22>.<43>
  keepPrefix(/(?<![A-Za-z0-9])(SG\.)[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g),
  // JWTs: base64url JSON header and payload both start with '{"' → 'eyJ'. The signature may be
  // empty (alg none), and the token is a bearer credential either way.
  keepPrefix(/(?<![A-Za-z0-9_-])(eyJ)[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g)
]

// Credentials recognisable by what surrounds them.
const CONTEXT_RULES: Rule[] = [
  // Authorization headers in any case, as a header line, a curl -H argument or JSON:
  //   'Authorization: Bearer abc.def'          → 'Authorization: Bearer [REDACTED]'
  //   '"authorization": "token ghp_…"'         → '"authorization": "token [REDACTED]"'
  //   'proxy-authorization: Basic dXNlcjpwYXNz' → 'proxy-authorization: Basic [REDACTED]'
  {
    pattern:
      /((?:authorization|x-api-key|x-auth-token|private-token)["']?[ \t]*[:=][ \t]*["']?)(?:(bearer|token|basic|digest|negotiate|ntlm|apikey|api-key|key|otp|sso-key|mac|aws4-hmac-sha256)([ \t]+))?([^\s"'`,;]+)/gi,
    replace: (_match, [prefix, scheme, space, value]) => {
      if (value === undefined || !isCredential(value)) return null
      // 'Authorization: Bearer' with nothing after it: the scheme word was taken as the value.
      if (scheme === undefined && AUTH_SCHEME.test(value)) return null
      if (scheme === undefined && !looksLikePassword(value) && !looksRandom(value)) return null
      return `${prefix}${scheme === undefined ? '' : `${scheme}${space}`}${REDACTED}`
    }
  },
  // A bearer token without its header: "-H 'Bearer abc…'", "token: Bearer abc…"
  {
    pattern: /(?<![A-Za-z0-9])(bearer[ \t]+)([A-Za-z0-9._~+/-]{16,}=*)/gi,
    replace: (_match, [prefix, value]) =>
      value !== undefined && isCredential(value) ? `${prefix}${REDACTED}` : null
  },
  // Credentials in URLs. The password may contain '@' (the last '@' before the host counts):
  //   'https://user:p@ss@example.com/x' → 'https://user:[REDACTED]@example.com/x'
  {
    pattern: /(:\/\/[^\s:/?#@"'<>]+:)([^\s/?#"'<>]+)@/g,
    replace: (_match, [prefix, password]) =>
      password !== undefined && isCredential(password) ? `${prefix}${REDACTED}@` : null
  },
  //   'https://0123…cdef@github.com' (a token as the user name) → 'https://[REDACTED]@github.com'
  {
    pattern: /(:\/\/)([^\s:/?#@"'<>]{20,})@/g,
    replace: (_match, [prefix, user]) =>
      user !== undefined && isCredential(user) && (looksRandom(user) || isHex(user, 32))
        ? `${prefix}${REDACTED}@`
        : null
  },
  // .npmrc: '//registry.npmjs.org/:_authToken=…', '_auth = …', ':_password=…'
  {
    pattern: /((?<![A-Za-z0-9])_(?:authToken|auth|password)[ \t]*=[ \t]*"?)([^\s"]+)/g,
    replace: (_match, [prefix, value]) =>
      value !== undefined && isCredential(value) ? `${prefix}${REDACTED}` : null
  }
]

const AUTH_SCHEME =
  /^(?:bearer|token|basic|digest|negotiate|ntlm|apikey|api-key|key|otp|sso-key|mac|aws4-hmac-sha256)$/i

// Lines that talk about AWS or secrets may carry an AWS secret access key: 40 base64 characters,
// in practice always mixing upper case, lower case and digits or '/+'.
//   'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const AWS_LINE = /aws|secret/i
const AWS_SECRET_RULE: Rule = {
  pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
  replace: match =>
    /[A-Z]/.test(match) && /[a-z]/.test(match) && /[0-9/+]/.test(match) && !isPathLike(match)
      ? REDACTED
      : null
}

// Lines that mention a credential get two more rules: bare 40-hex values (old GitHub tokens;
// a 40-hex git SHA on a line that says 'commit' and nothing of this list is left alone) and
// values assigned to something, when they look random.
const KEYWORD_LINE =
  /token|secret|passw(?:or)?d|api[_-]?key|credential|private[_-]?key|access[_-]?key/i

const KEYWORD_RULES: Rule[] = [
  {
    pattern: /(?<![A-Za-z0-9])[0-9a-fA-F]{40}(?![A-Za-z0-9])/g,
    replace: () => REDACTED
  },
  // NAME=value, NAME: value, "name": "value", 'name' => 'value', --name=value:
  //   'API_KEY=Zx8vQm2LpR7tYw4KcN9bHs3D' → 'API_KEY=[REDACTED]'
  //   '"client_secret": "Zx8vQm2LpR7tYw4KcN9bHs3D"' → '"client_secret": "[REDACTED]"'
  // The value stops at quotes, brackets, '&' and '?' so that a URL's query parameters are
  // looked at one by one ('?token=…&x=1').
  {
    pattern:
      /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+["']?[ \t]*(?:=>?|:)[ \t]*["']?)([^\s"'`,;&?<>()[\]{}]+)/g,
    replace: (_match, [prefix = '', value = '']) => redactValue(prefix, value)
  },
  // '--token VALUE'; '-p VALUE' is too vague, so only flags that name a credential count. The
  // name is checked in code: '[\w-]*token[\w-]*' would backtrack quadratically on a long flag.
  {
    pattern: /((?<![A-Za-z0-9_-])--?[A-Za-z0-9_-]+[ \t]+["']?)([^\s"'`,;&?<>()[\]{}]+)/g,
    replace: (_match, [prefix = '', value = '']) =>
      CREDENTIAL_FLAG.test(prefix) ? redactValue(prefix, value) : null
  }
]

const CREDENTIAL_FLAG = /token|secret|passw(?:or)?d|api-?key|credential/i

function redactValue(prefix: string, raw: string): string | null {
  // 'token=abc.' — a sentence's full stop is not part of the value
  const value = raw.replace(/\.+$/, '')
  const rest = raw.slice(value.length)
  if (!isCredential(value)) return null
  const name = prefix.toLowerCase()
  const secret =
    isHex(value, 32) ||
    looksRandom(value) ||
    // a password is a secret whatever it looks like, once it is more than a word
    (/passw(?:or)?d/.test(name) && looksLikePassword(value))
  return secret ? `${prefix}${REDACTED}${rest}` : null
}

// Output keeps a non-secret prefix where it helps the reader: 'ghp_[REDACTED]',
// 'Authorization: Bearer [REDACTED]', 'https://user:[REDACTED]@host'. A PEM block becomes
// '[REDACTED PRIVATE KEY]' with no BEGIN line left behind, so a second pass (idempotence) cannot
// mistake it for a key without an END. Run sanitizeText first: ANSI codes or a zero-width space
// inside a token would hide it from these patterns.

/** Replaces secrets with `[REDACTED]`; a PEM key missing its END line goes to the end of text. */
export function redactSecrets(text: string): { text: string; count: number } {
  let count = 0
  const apply = (input: string, rule: Rule): string =>
    input.replace(rule.pattern, (match: string, ...args: unknown[]) => {
      // replace() passes the groups, then the offset (a number), then the whole string
      const groups: (string | undefined)[] = []
      for (const arg of args) {
        if (typeof arg === 'number') break
        groups.push(typeof arg === 'string' ? arg : undefined)
      }
      if (match.includes('[REDACTED')) return match
      const replacement = rule.replace(match, groups)
      if (replacement === null) return match
      count += 1
      return replacement
    })

  let result = redactPrivateKeys(text, () => (count += 1))
  for (const rule of SHAPE_RULES) result = apply(result, rule)
  for (const rule of CONTEXT_RULES) result = apply(result, rule)
  result = mapMatchingLines(result, AWS_LINE, line => apply(line, AWS_SECRET_RULE))
  result = mapMatchingLines(result, KEYWORD_LINE, line =>
    KEYWORD_RULES.reduce((current, rule) => apply(current, rule), line)
  )
  return { text: result, count }
}

/**
 * Applies `map` to every line that `test` matches, in one pass: the test regex finds the next
 * mention, and the scan jumps to the end of that line (no per-line loop over 100k lines, and no
 * `^.*word.*$` backtracking over a 5 MB line).
 */
function mapMatchingLines(text: string, test: RegExp, map: (line: string) => string): string {
  const finder = new RegExp(test.source, `${test.flags.replace('g', '')}g`)
  let output = ''
  let copied = 0
  let found: RegExpExecArray | null
  while ((found = finder.exec(text)) !== null) {
    const start = text.lastIndexOf('\n', found.index) + 1
    const newline = text.indexOf('\n', found.index)
    const end = newline === -1 ? text.length : newline
    output += text.slice(copied, start) + map(text.slice(start, end))
    copied = end
    finder.lastIndex = end
    if (newline === -1) break
  }
  return output + text.slice(copied)
}

// Header words may be split by whitespace (including newlines) when a log wraps them:
//   '-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----',
//   '-----BEGIN ENCRYPTED PRIVATE KEY-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----'
const PEM_BOUNDARY =
  /-----(BEGIN|END)[ \t\r\n]+(?:[A-Z0-9]+[ \t\r\n]+){0,4}?PRIVATE[ \t\r\n]+KEY(?:[ \t\r\n]+BLOCK)?-----/g

// A line of key material above an END line whose BEGIN is not in the text (the excerpt started
// inside the key): base64, optionally after a timestamp or a '|' from the log, or a PEM header.
const KEY_MATERIAL_LINE =
  /^[ \t]*(?:[^\s]+[ \t]+){0,2}(?:[A-Za-z0-9+/=]{16,}|(?:Proc-Type|DEK-Info|Comment):.*)[ \t]*$/

function redactPrivateKeys(text: string, counted: () => void): string {
  if (!text.includes('PRIVATE')) return text
  const boundary = new RegExp(PEM_BOUNDARY.source, 'g')
  let output = ''
  let copied = 0
  let blockStart = -1
  let found: RegExpExecArray | null
  while ((found = boundary.exec(text)) !== null) {
    const end = found.index + found[0].length
    if (found[1] === 'BEGIN') {
      if (blockStart === -1) blockStart = found.index
      continue
    }
    // An END without a BEGIN: the key started before the text did.
    const start = blockStart === -1 ? keyMaterialStart(text, copied, found.index) : blockStart
    output += text.slice(copied, start) + REDACTED_KEY
    counted()
    copied = end
    blockStart = -1
  }
  // A BEGIN without an END: the rest of the text may all be key, so all of it goes.
  if (blockStart !== -1) {
    output += text.slice(copied, blockStart) + REDACTED_KEY
    counted()
    return output
  }
  return output + text.slice(copied)
}

/** Where the key material ending at `endIndex` starts: walk up the lines that look like it. */
function keyMaterialStart(text: string, floor: number, endIndex: number): number {
  let start = endIndex === 0 ? 0 : text.lastIndexOf('\n', endIndex - 1) + 1
  if (start <= floor) return floor
  while (start > floor) {
    const newline = start - 1
    const previousStart =
      newline === 0 ? 0 : Math.max(floor, text.lastIndexOf('\n', newline - 1) + 1)
    const line = text.slice(previousStart, newline).replace(/\r$/, '')
    if (line.trim() !== '' && !KEY_MATERIAL_LINE.test(line)) break
    start = previousStart
  }
  return start
}

// Values that are not secrets however they are assigned: the runner's own mask, references to a
// secret rather than the secret, and words that mean "none".
const PLACEHOLDER =
  /^(?:\**|\$\{\{?[^}]*\}?\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%?|<[^>]*>|x+|X+|\.+|…|null|nil|none|undefined|true|false|redacted|changeme|password|secret|token)$/i

function isCredential(value: string): boolean {
  return value.length > 0 && !value.includes('***') && !PLACEHOLDER.test(value)
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

function isHex(value: string, minLength: number): boolean {
  return value.length >= minLength && /^[0-9a-fA-F]+$/.test(value)
}

/**
 * ≥ 8 characters with letters and either digits, symbols or mixed case: 'Sup3rS3cret!', but not
 * 'required', 'authentication-failed' or an environment variable's name ('GITHUB_TOKEN', as in
 * setup-java's 'server-password: GITHUB_TOKEN').
 */
function looksLikePassword(value: string): boolean {
  if (value.length < 8 || !/[A-Za-z]/.test(value)) return false
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(value)) return false
  return /[0-9]|[^A-Za-z0-9_.-]/.test(value) || (/[A-Z]/.test(value) && /[a-z]/.test(value))
}

/**
 * Random-looking: ≥ 20 characters, high Shannon entropy and a mix of character classes, and not
 * a UUID or a path. Random base62 of 20 characters scores ~4.0 bits per character; identifiers
 * and paths mostly fail the class or path tests before entropy matters.
 */
function looksRandom(value: string): boolean {
  if (value.length < 20 || UUID.test(value) || isPathLike(value) || isWordy(value)) return false
  const upper = /[A-Z]/.test(value)
  const lower = /[a-z]/.test(value)
  const digit = /[0-9]/.test(value)
  const symbol = /[^A-Za-z0-9]/.test(value)
  const classes = Number(upper) + Number(lower) + Number(digit) + Number(symbol)
  const entropy = shannonEntropy(value)
  if (classes >= 3) return entropy >= 3.5
  return classes === 2 && digit && !symbol && entropy >= 4
}

function isPathLike(value: string): boolean {
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:[\\/])/.test(value) || value.includes('\\')) return true
  // 'src/components/Button2.tsx', 'settings.json', 'example.com'
  if (/\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(value)) return true
  if (value.includes('://')) return true
  // 'projects/123/secrets/my-secret/versions/4': lower-case segments are words, not base64
  const segments = value.split('/')
  return segments.length >= 3 && segments.every(segment => /^[a-z0-9_.-]*$/.test(segment))
}

/**
 * Made of words: every alphanumeric segment is a lower-case, upper-case or capitalised word, a
 * number, or at most 3 characters. 'application/vnd.github.v3+json' and 'my-secret-name-123'
 * are; random strings almost never are, having a long segment that mixes case and digits.
 */
function isWordy(value: string): boolean {
  return value
    .split(/[^A-Za-z0-9]+/)
    .every(segment => segment.length <= 3 || /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|[0-9]+)$/.test(segment))
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  const length = [...counts.values()].reduce((sum, n) => sum + n, 0)
  let entropy = 0
  for (const n of counts.values()) {
    const p = n / length
    entropy -= p * Math.log2(p)
  }
  return entropy
}
