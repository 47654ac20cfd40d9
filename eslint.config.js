import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The folders of pure code: data in, data out, no I/O (docs: README "How it is built"). */
const PURE = [
  'scripts/lib/log/**',
  'scripts/lib/issue/**',
  'scripts/lib/markdown/**',
  'scripts/lib/untrusted/**'
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'actions/log-bugs/dist/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Only the steps (scripts/*.ts) and scripts/lib/github call the API; the pure folders take
    // data and return data, so they are tested with literals and never touch the network.
    files: PURE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/github/*'],
              message: 'pure code does not call GitHub: move the call to lib/github or the step'
            },
            {
              group: [
                '**/step/run-step*',
                '**/step/state*',
                '**/step/load-template*',
                '**/step/write-summary*'
              ],
              message: 'pure code does no I/O'
            },
            { group: ['@octokit/*', '@actions/*'], message: 'pure code does not call GitHub' },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:http',
                'node:https',
                'node:net',
                'node:child_process',
                'fs',
                'http',
                'https'
              ],
              message: 'pure code does no I/O'
            }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(request|paginate|graphql)$/]',
          message: 'pure code does not call GitHub: move the call to lib/github or the step'
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'pure code reads no environment: take the value as an argument'
        }
      ]
    }
  }
)
