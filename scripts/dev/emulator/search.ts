import { GitHubError, validationFailed } from './errors.js'
import type { IssueModel } from './state.js'

export interface SearchQuery {
  repos: string[]
  kinds: Set<'issue' | 'pr'>
  state: 'open' | 'closed' | undefined
  labels: string[]
  excludedLabels: string[]
  noLabel: boolean
  authors: string[]
  assignees: string[]
  fields: Set<'title' | 'body' | 'comments'>
  /** Text clauses, all of which must match; each matches if any of its alternatives does. */
  terms: string[][]
  excludedTerms: string[]
}

// The API counts only free text toward the 256-character limit, not qualifiers, and allows at
// most five AND/OR/NOT operators (docs: "Limitations on query length").
const maxTextLength = 256
const maxOperators = 5

/**
 * Parses the subset of GitHub's issue-search syntax a reporter uses, e.g.
 *   repo:o/r is:issue is:open label:"ci failure" -label:wontfix "exact phrase" in:title,body
 *   repo:o/r is:issue in:body "fp-1" OR "fp-2" OR "fp-3"
 * OR binds text terms into one clause (`a b OR c` is a AND (b OR c)); AND is implicit; NOT
 * negates the next term. Unknown `key:value` words are searched as text, as GitHub does.
 */
export function parseSearchQuery(q: string): SearchQuery {
  const query: SearchQuery = {
    repos: [],
    kinds: new Set(),
    state: undefined,
    labels: [],
    excludedLabels: [],
    noLabel: false,
    authors: [],
    assignees: [],
    fields: new Set(),
    terms: [],
    excludedTerms: []
  }
  if (q.trim() === '') throw validationFailed({ resource: 'Search', field: 'q', code: 'missing' })
  // -? qualifier: "quoted" | bare
  const token = /(-)?(?:([A-Za-z_-]+):)?(?:"([^"]*)"?|(\S+))/g
  let negateNext = false
  let orNext = false
  let operators = 0
  let previousWasText = false
  for (const match of q.matchAll(token)) {
    const key = match[2]?.toLowerCase()
    const value = match[3] ?? match[4] ?? ''
    if (key === undefined && match[3] === undefined && match[1] === undefined) {
      if (value === 'AND' || value === 'OR' || value === 'NOT') {
        operators++
        if (value === 'NOT') negateNext = true
        if (value === 'OR') {
          if (!previousWasText) {
            throw new GitHubError(422, 'The emulator supports OR only between text terms')
          }
          orNext = true
        }
        continue
      }
    }
    const negated = match[1] === '-' || negateNext
    negateNext = false
    if (applyQualifier(query, key, value, negated)) {
      if (orNext) throw new GitHubError(422, 'The emulator supports OR only between text terms')
      previousWasText = false
      continue
    }
    const text = key === undefined ? value : `${match[2]}:${value}`
    if (negated) query.excludedTerms.push(text)
    else if (orNext) query.terms.at(-1)?.push(text)
    else query.terms.push([text])
    orNext = false
    previousWasText = !negated
  }
  if (operators > maxOperators) {
    throw validationFailed({
      message: `The search contains more than ${maxOperators} AND / OR / NOT operators.`,
      resource: 'Search',
      field: 'q',
      code: 'invalid'
    })
  }
  // Since 2025 the endpoint refuses queries that could return both kinds of result.
  if (query.kinds.size === 0) {
    throw new GitHubError(422, "Query must include 'is:issue' or 'is:pull-request'")
  }
  const textLength = [...query.terms.flat(), ...query.excludedTerms].join(' ').length
  if (textLength > maxTextLength) {
    throw validationFailed({
      message: `The search is longer than ${maxTextLength} characters.`,
      resource: 'Search',
      field: 'q',
      code: 'invalid'
    })
  }
  if (query.fields.size === 0) query.fields = new Set(['title', 'body', 'comments'])
  return query
}

function applyQualifier(
  query: SearchQuery,
  key: string | undefined,
  value: string,
  negated: boolean
): boolean {
  const v = value.toLowerCase()
  switch (key) {
    case 'repo':
      query.repos.push(v)
      return true
    case 'is':
    case 'type':
      if (v === 'issue') query.kinds.add('issue')
      else if (v === 'pr' || v === 'pull-request') query.kinds.add('pr')
      else if (key === 'is' && (v === 'open' || v === 'closed')) query.state = v
      else return false
      return true
    case 'state':
      if (v !== 'open' && v !== 'closed') return false
      query.state = v
      return true
    case 'label':
      ;(negated ? query.excludedLabels : query.labels).push(...v.split(','))
      return true
    case 'no':
      if (v !== 'label') return false
      query.noLabel = true
      return true
    case 'author':
      query.authors.push(v)
      return true
    case 'assignee':
      query.assignees.push(v)
      return true
    case 'in':
      for (const field of v.split(',')) {
        if (field === 'title' || field === 'body' || field === 'comments') query.fields.add(field)
      }
      return true
    default:
      return false
  }
}

/** Case-insensitive substring matching of every term (GitHub tokenises words; close enough). */
export function matchesSearch(query: SearchQuery, issue: IssueModel): boolean {
  if (!query.kinds.has(issue.pull_request ? 'pr' : 'issue')) return false
  if (query.state && issue.state !== query.state) return false
  const labels = issue.labels.map(l => l.toLowerCase())
  if (!query.labels.every(l => labels.includes(l))) return false
  if (query.excludedLabels.some(l => labels.includes(l))) return false
  if (query.noLabel && labels.length > 0) return false
  if (query.authors.length > 0 && !query.authors.includes(issue.user.toLowerCase())) return false
  const assignees = issue.assignees.map(a => a.toLowerCase())
  if (!query.assignees.every(a => assignees.includes(a))) return false
  const haystack = [
    query.fields.has('title') ? issue.title : '',
    query.fields.has('body') ? (issue.body ?? '') : '',
    ...(query.fields.has('comments') ? issue.comments.map(c => c.body) : [])
  ]
    .join('\n')
    .toLowerCase()
  const found = (term: string): boolean => haystack.includes(term.toLowerCase())
  if (!query.terms.every(clause => clause.some(found))) return false
  return !query.excludedTerms.some(found)
}
