// What GitHub Marketplace asks of the action.yml it lists at a repository's root (GitHub docs:
// "Publishing actions in GitHub Marketplace" and the metadata syntax's `branding`): a name of its
// own, a short description, and a badge made of a Feather icon GitHub ships and one of its colours.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The Marketplace cuts a listing's description at 125 characters. */
export const DESCRIPTION_MAX = 125

/** The badge colours of the metadata syntax docs (`branding.color`). */
export const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
]

// A listing's name may not be a Marketplace category or a GitHub feature, and one that says
// nothing of the action would be refused or lost among others: a sample of such names.
const GENERIC_NAMES = [
  'action',
  'my action',
  'github action',
  'github actions',
  'actions',
  'ci',
  'continuous integration',
  'code quality',
  'issues',
  'pull requests',
  'project management',
  'testing',
  'utilities',
  'bug',
  'bugs'
]

/**
 * The Feather icons GitHub accepts for `branding.icon`: the allowed values of the action schema
 * in @actions/workflow-parser, GitHub's own (Feather v4.28.0 without brand icons and a few more).
 */
export function brandingIcons(): string[] {
  const schema = JSON.parse(
    readFileSync(
      join(ROOT, 'node_modules/@actions/workflow-parser/dist/action-v1.0.min.json'),
      'utf8'
    )
  ) as { definitions: Record<string, { 'allowed-values'?: string[] }> }
  const icons = schema.definitions['branding-icon']?.['allowed-values']
  if (!icons?.length) throw new Error('the action schema lists no branding icons')
  return icons
}

/** What keeps an action.yml (parsed) out of the Marketplace, one line each; none means listable. */
export function checkMarketplace(metadata: unknown, icons = brandingIcons()): string[] {
  const action = (metadata ?? {}) as {
    name?: unknown
    description?: unknown
    branding?: { icon?: unknown; color?: unknown }
  }
  const problems: string[] = []
  const name = typeof action.name === 'string' ? action.name.trim() : ''
  if (name === '') problems.push('name: missing')
  else if (GENERIC_NAMES.includes(name.toLowerCase()))
    problems.push(`name: "${name}" is generic (a Marketplace category or a GitHub feature)`)
  const description = typeof action.description === 'string' ? action.description.trim() : ''
  if (description === '') problems.push('description: missing')
  else if (description.length > DESCRIPTION_MAX)
    problems.push(`description: ${description.length} characters, more than ${DESCRIPTION_MAX}`)
  const { icon, color } = action.branding ?? {}
  if (typeof icon !== 'string' || !icons.includes(icon))
    problems.push(`branding.icon: ${String(icon)} is not a Feather icon GitHub supports`)
  if (typeof color !== 'string' || !BRANDING_COLORS.includes(color))
    problems.push(`branding.color: ${String(color)} is not one of ${BRANDING_COLORS.join(', ')}`)
  return problems
}
