import { validationFailed } from './errors.js'
import { findUser, type EmulatorState } from './state.js'

// The API's own error text says "maximum is 65536 characters" for issue and comment bodies
// (docs/github-platform.md §6); titles are refused over 256.
const maxBodyCharacters = 65_536
const maxTitleCharacters = 256

/** Characters as GitHub counts them: code points, not UTF-16 units. */
function characterCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

export function checkTitle(title: string): void {
  if (title.trim() === '')
    throw validationFailed({ resource: 'Issue', code: 'missing_field', field: 'title' })
  if (characterCount(title) > maxTitleCharacters) {
    throw validationFailed({
      resource: 'Issue',
      code: 'custom',
      field: 'title',
      message: `title is too long (maximum is ${maxTitleCharacters} characters)`
    })
  }
}

export function checkBody(body: string, resource: 'Issue' | 'IssueComment'): void {
  if (characterCount(body) > maxBodyCharacters) {
    throw validationFailed({
      resource,
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${maxBodyCharacters} characters)`
    })
  }
}

/**
 * On create and update one unassignable login fails the whole request with 422
 * (JasonEtco/create-an-issue#41); only POST …/assignees drops them silently.
 */
export function checkAssignees(state: EmulatorState, logins: string[]): string[] {
  return logins.map(login => {
    const user = findUser(state, login)
    if (!user?.assignable) {
      throw validationFailed({
        value: login,
        resource: 'Issue',
        field: 'assignees',
        code: 'invalid'
      })
    }
    return user.login
  })
}

/** Entries that are either plain strings or objects carrying the string under `key`. */
function stringsOrField(value: unknown, key: 'name' | 'login'): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap(item => {
    if (typeof item === 'string') return [item]
    const field: unknown =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined
    return typeof field === 'string' ? [field] : []
  })
}

/** Label entries may be names or `{name}` objects. */
export function labelNames(value: unknown): string[] {
  return stringsOrField(value, 'name')
}

/** Assignee entries may be logins or `{login}` objects. */
export function assigneeLogins(value: unknown): string[] {
  return stringsOrField(value, 'login')
}
