import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../../scripts/lib/untrusted/redact-secrets.js'

// Fake secrets, built at run time so that no provider-shaped literal sits in the source for a
// secret scanner (or a push-protection rule) to trip over. None of them is, or was, real.
const fill = (length: number, seed = 'Fake0Value1'): string =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length)
const hex40 = '0123456789abcdef'.repeat(3).slice(0, 40)
const githubToken = (prefix: string): string => `${prefix}_${fill(36)}`
const fineGrained = `github_pat_${fill(22)}_${fill(59)}`
const slackBot = `xoxb-${'0'.repeat(11)}-${'0'.repeat(12)}-${fill(24)}`
const jwt = `eyJ${'hbGciOiJIUzI1NiJ9'}.eyJ${'zdWIiOiIxMjM0NTY3ODkwIn0'}.${fill(43)}`
// Random-looking values with no provider prefix, as a generic key would be.
const random24 = 'Zx8vQm2LpR7tYw4KcN9bHs3D'
const random40 = 'q9Vt2Lr8Xk4Zp7Wm1Nc6Hb3Jd5Gf0Sy+Ae/Ku2Ro'
const pemBody = [
  'MIIEowIBAAKCAQEAfakefakefakefakefakefakefakefakefakefakefakefake',
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIzNDU2Nzg5MGZha2VrZXk='
]
const pem = (label: string, lines = pemBody): string =>
  [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n')

describe('redactSecrets', () => {
  it.each([
    ...['ghp', 'gho', 'ghu', 'ghs', 'ghr'].map(prefix => [
      `GitHub ${prefix}_ token`,
      `using ${githubToken(prefix)} now`,
      `using ${prefix}_[REDACTED] now`
    ]),
    ['GitHub token longer than 36', `x ${githubToken('ghp')}abc`, 'x ghp_[REDACTED]'],
    ['fine-grained PAT', `GH_PAT=${fineGrained}`, 'GH_PAT=github_pat_[REDACTED]'],
    ['40-hex token on a token line', `GITHUB_TOKEN=${hex40}`, 'GITHUB_TOKEN=[REDACTED]'],
    ['40-hex in a password prompt', `password ${hex40} accepted`, 'password [REDACTED] accepted'],
    ['v1. installation token', `v1.${hex40}`, 'v1.[REDACTED]'],
    ['AWS access key id', `key AKIA${'FAKE'.repeat(4)}.`, 'key AKIA[REDACTED].'],
    ['AWS temporary key id', `"ASIA${'FAKE'.repeat(4)}"`, '"ASIA[REDACTED]"'],
    [
      'AWS secret key on an aws line',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = [REDACTED]'
    ],
    ['AWS secret key on a secret line', `SECRET: "${random40}"`, 'SECRET: "[REDACTED]"'],
    ['Slack bot token', `SLACK=${slackBot}`, 'SLACK=xoxb-[REDACTED]'],
    ['Slack user token', `xoxp-${'1'.repeat(11)}-${fill(30)}`, 'xoxp-[REDACTED]'],
    [
      'Slack webhook',
      `post https://hooks.slack.com/services/T0000/B0000/${'X'.repeat(24)} ok`,
      'post https://hooks.slack.com/services/[REDACTED] ok'
    ],
    ['npm token', `npm_${fill(36)}`, 'npm_[REDACTED]'],
    [
      '.npmrc auth token',
      '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
      '//registry.npmjs.org/:_authToken=[REDACTED]'
    ],
    [
      '.npmrc basic auth',
      `//npm.pkg.github.com/:_auth = ${'ZmFrZTpmYWtl'}`,
      '//npm.pkg.github.com/:_auth = [REDACTED]'
    ],
    ['PyPI token', `pypi-AgEIcHlwaS5vcmc${fill(60)}`, 'pypi-[REDACTED]'],
    ['Google API key', `key=AIza${fill(35)}&x=1`, 'key=AIza[REDACTED]&x=1'],
    ['Stripe live secret key', `sk_live_${fill(24)}`, 'sk_live_[REDACTED]'],
    ['Stripe restricted key', `rk_live_${fill(24)}`, 'rk_live_[REDACTED]'],
    ['Stripe test key', `sk_test_${fill(24)}`, 'sk_test_[REDACTED]'],
    ['GitLab token', `glpat-${fill(20)}`, 'glpat-[REDACTED]'],
    [
      'Authorization: Bearer',
      `Authorization: Bearer ${random24}`,
      'Authorization: Bearer [REDACTED]'
    ],
    [
      'authorization: token, lower case',
      `authorization: token ${hex40}`,
      'authorization: token [REDACTED]'
    ],
    [
      'AUTHORIZATION: Basic, upper case',
      'AUTHORIZATION: Basic dXNlcjpwYXNzd29yZA==',
      'AUTHORIZATION: Basic [REDACTED]'
    ],
    [
      'authorization header in JSON',
      `{"authorization": "Bearer ${random24}", "accept": "*/*"}`,
      '{"authorization": "Bearer [REDACTED]", "accept": "*/*"}'
    ],
    [
      'curl -H with a token scheme',
      `curl -H 'Authorization: token ${githubToken('ghp')}' https://api.github.com`,
      "curl -H 'Authorization: token ghp_[REDACTED]' https://api.github.com"
    ],
    ['bare bearer token', `-H "Bearer ${random24}"`, '-H "Bearer [REDACTED]"'],
    [
      'URL with user:password',
      'git clone https://user:hunter2@example.com/repo.git',
      'git clone https://user:[REDACTED]@example.com/repo.git'
    ],
    [
      'URL password containing @',
      'https://user:p@ss@example.com/x',
      'https://user:[REDACTED]@example.com/x'
    ],
    [
      'URL with a token as user name',
      `https://${hex40}@github.com/o/r.git`,
      'https://[REDACTED]@github.com/o/r.git'
    ],
    [
      'x-access-token URL',
      `https://x-access-token:${githubToken('ghs')}@github.com/o/r`,
      'https://x-access-token:ghs_[REDACTED]@github.com/o/r'
    ],
    ['JWT', `id_token=${jwt}`, 'id_token=eyJ[REDACTED]'],
    ['unsigned JWT', `eyJ${'hbGciOiJub25lIn0'}.eyJ${'zdWIiOiIxIn0'}.`, 'eyJ[REDACTED]'],
    ['entropy: NAME=value', `API_KEY=${random24}`, 'API_KEY=[REDACTED]'],
    ['entropy: NAME: value', `client_secret: ${random24}`, 'client_secret: [REDACTED]'],
    [
      'entropy: JSON',
      `{"private_key_id": "${random24}", "type": "service_account"}`,
      '{"private_key_id": "[REDACTED]", "type": "service_account"}'
    ],
    ['entropy: quoted YAML', `apiKey: '${random24}'`, "apiKey: '[REDACTED]'"],
    ['entropy: --flag value', `cli login --token ${random24}`, 'cli login --token [REDACTED]'],
    ['entropy: --flag=value', `cli --api-key=${random24}`, 'cli --api-key=[REDACTED]'],
    [
      'entropy: URL query parameter',
      `GET /v1/items?access_token=${random24}&page=2`,
      'GET /v1/items?access_token=[REDACTED]&page=2'
    ],
    ['entropy: credentials', `CREDENTIALS=${random40}`, 'CREDENTIALS=[REDACTED]'],
    ['a password, however short its entropy', 'DB_PASSWORD=Sup3rS3cret!', 'DB_PASSWORD=[REDACTED]'],
    ['passwd', 'passwd: correct-h0rse', 'passwd: [REDACTED]'],
    [
      'multi-line PEM',
      `key:\n${pem('RSA PRIVATE KEY')}\nafter`,
      'key:\n[REDACTED PRIVATE KEY]\nafter'
    ],
    ['PKCS#8 PEM', pem('PRIVATE KEY'), '[REDACTED PRIVATE KEY]'],
    ['encrypted PEM', pem('ENCRYPTED PRIVATE KEY'), '[REDACTED PRIVATE KEY]'],
    ['OpenSSH key', pem('OPENSSH PRIVATE KEY'), '[REDACTED PRIVATE KEY]'],
    ['PGP key block', pem('PGP PRIVATE KEY BLOCK'), '[REDACTED PRIVATE KEY]'],
    [
      'PEM in a log with timestamps',
      [
        '2024-01-01T00:00:00.0000000Z -----BEGIN EC PRIVATE KEY-----',
        `2024-01-01T00:00:00.0000000Z ${pemBody[0]}`,
        '2024-01-01T00:00:00.0000000Z -----END EC PRIVATE KEY-----',
        '2024-01-01T00:00:01.0000000Z next'
      ].join('\n'),
      '2024-01-01T00:00:00.0000000Z [REDACTED PRIVATE KEY]\n2024-01-01T00:00:01.0000000Z next'
    ],
    [
      'PEM header split across lines',
      `-----BEGIN RSA\nPRIVATE KEY-----\n${pemBody[0]}\n-----END RSA PRIVATE\nKEY-----`,
      '[REDACTED PRIVATE KEY]'
    ],
    [
      'PEM without END: redact to the end',
      `before\n-----BEGIN PRIVATE KEY-----\n${pemBody[0]}\n${pemBody[1]}\nwhatever follows`,
      'before\n[REDACTED PRIVATE KEY]'
    ],
    [
      'PEM without BEGIN (excerpt starts inside the key)',
      `${pemBody[0]}\n${pemBody[1]}\n-----END RSA PRIVATE KEY-----\nafter`,
      '[REDACTED PRIVATE KEY]\nafter'
    ],
    [
      'PEM without BEGIN keeps the log line above the key',
      `Error: bad key\n${pemBody[1]}\n-----END PRIVATE KEY-----`,
      'Error: bad key\n[REDACTED PRIVATE KEY]'
    ],
    [
      'PEM inside JSON with escaped newlines',
      `{"private_key": "-----BEGIN PRIVATE KEY-----\\n${pemBody[0]}\\n-----END PRIVATE KEY-----\\n"}`,
      '{"private_key": "[REDACTED PRIVATE KEY]\\n"}'
    ]
  ])('redacts %s', (_name, input, expected) => {
    const result = redactSecrets(input)
    expect(result.text).toBe(expected)
    expect(result.count).toBeGreaterThan(0)
    // idempotent: a second pass finds nothing
    expect(redactSecrets(result.text)).toEqual({ text: result.text, count: 0 })
  })

  it.each([
    ['a git SHA on a commit line', `HEAD is now at ${hex40} commit message`],
    ['a git SHA in a checkout line', `Checking out commit ${hex40}`],
    [
      'an action pinned by SHA',
      "Download action repository 'actions/checkout@v4' (SHA:08eba0b27e820071cde6df949e0beb9ba4906955)"
    ],
    ['a UUID on a token line', 'token request 123e4567-e89b-12d3-a456-426614174000 failed'],
    ['a path on a secret line', 'secret file /home/runner/work/My-Repo2/My-Repo2/src/Button2.tsx'],
    ['a path assigned on a token line', 'TOKEN_FILE=/home/runner/.config/Tok3nStore/tokens.json'],
    ['base64 of a short word', 'echo aGVsbG8gd29ybGQ= | base64 -d'],
    ['base64 of a short word on a token line', 'token: aGVsbG8='],
    ['the runner mask', 'GITHUB_TOKEN: ***'],
    ['the runner mask in a header', 'Authorization: Bearer ***'],
    ['the runner mask in a URL', 'https://x-access-token:***@github.com/o/r'],
    ['a secret reference', 'token: ${{ secrets.GITHUB_TOKEN }}'],
    ['an environment variable reference', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    ['an environment variable name as a password', 'server-password: GITHUB_TOKEN'],
    [
      'a media type next to a masked header',
      "accept: 'application/vnd.github.v3+json', authorization: 'token ***'"
    ],
    ['a JSON parse error', 'SyntaxError: Unexpected token } in JSON at position 42'],
    ['a password error message', 'Error: password authentication failed for user "postgres"'],
    ['a short word after password', 'password: required'],
    ['a too-short GitHub token', 'ghp_short'],
    ['a URL without credentials', 'https://example.com:8080/path?q=1'],
    ['an identifier on a secret line', 'secretManagerServiceClientConfiguration = loaded'],
    ['a word "bearer"', 'the bearer token is invalid'],
    ['a Slack-like word', 'xoxo-lovely-message-for-you'],
    ['a 64-hex digest on a plain line', `sha256:${'ab'.repeat(32)}`],
    ['an email address', 'Author: Jane Doe <jane.doe@example.com>'],
    ['an empty string', '']
  ])('leaves alone %s', (_name, input) => {
    expect(redactSecrets(input)).toEqual({ text: input, count: 0 })
  })

  it('counts every secret', () => {
    const input = [
      `one ${githubToken('ghp')}`,
      `two AKIA${'FAKE'.repeat(4)} and ${slackBot}`,
      pem('PRIVATE KEY'),
      `API_KEY=${random24}`
    ].join('\n')
    expect(redactSecrets(input).count).toBe(5)
  })

  it('keeps line structure around redactions', () => {
    const input = `a\r\nAuthorization: Bearer ${random24}\r\nb`
    expect(redactSecrets(input).text).toBe('a\r\nAuthorization: Bearer [REDACTED]\r\nb')
  })

  // No timing assertions: each must simply finish (vitest's timeout is the bound). A quadratic
  // pattern takes hours on 5 MB.
  it.each([
    ['letters', 'A'.repeat(5_000_000)],
    ['a keyword and one long value', `token=${'aB3/'.repeat(1_250_000)}`],
    ['a keyword and many assignments', `secret ${'a='.repeat(2_500_000)}`],
    ['a keyword and a long flag', `password --${'a'.repeat(5_000_000)}`],
    ['a keyword and long whitespace', `token${' '.repeat(5_000_000)}x`],
    ['an aws line of base64', `aws ${'Ab1+'.repeat(1_250_000)}`],
    ['URL starts', 'a://b:'.repeat(800_000)],
    ['JWT-like starts', 'eyJaaaaa.'.repeat(550_000)],
    ['PEM headers without END', '-----BEGIN PRIVATE KEY-----'.repeat(185_000)],
    ['orphan PEM END lines', '-----END PRIVATE KEY-----\n'.repeat(190_000)],
    ['authorization headers', 'authorization: '.repeat(330_000)]
  ])('finishes on a 5 MB line of %s', (_name, input) => {
    const result = redactSecrets(input)
    expect(typeof result.text).toBe('string')
  })
})
