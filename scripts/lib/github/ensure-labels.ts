import { errorStatus } from '../step/error-message.js'
import { rethrowIfFatal } from '../step/errors.js'
import type { Core, GitHub } from '../step/types.js'

/** Colours for the labels log-bugs creates; GitHub would use ededed for all of them. */
const COLORS: Record<string, string> = { bug: 'd73a4a', 'ci-failure': 'b60205' }
const CATEGORY_COLOR = 'fbca04'

/** The label naming a failure's category, e.g. `failure:test`; none for `unknown`. */
export function categoryLabel(category: string): string | null {
  return category && category !== 'unknown' ? `failure:${category}` : null
}

/**
 * Makes sure the labels exist and returns the ones that do. One list call, then a create per
 * missing label. A label we may not create is dropped with a warning: naming a missing label on
 * issue creation can make GitHub refuse the whole issue (github-platform.md §5).
 */
export async function ensureLabels(
  github: GitHub,
  target: { owner: string; repo: string },
  names: string[],
  core: Pick<Core, 'warning' | 'debug'>
): Promise<string[]> {
  let existing: Set<string>
  try {
    const labels = await github.paginate<{ name: string }>('GET /repos/{owner}/{repo}/labels', {
      ...target,
      per_page: 100
    })
    existing = new Set(labels.map(label => label.name.toLowerCase()))
  } catch (error) {
    rethrowIfFatal(error)
    core.warning(
      `log-bugs: cannot list labels (HTTP ${errorStatus(error) ?? '?'}); filing without labels that may be missing`
    )
    return []
  }
  const usable: string[] = []
  for (const name of names) {
    if (existing.has(name.toLowerCase())) {
      usable.push(name)
      continue
    }
    try {
      await github.request('POST /repos/{owner}/{repo}/labels', {
        ...target,
        name,
        color: COLORS[name] ?? (name.startsWith('failure:') ? CATEGORY_COLOR : 'ededed'),
        description: name.startsWith('failure:')
          ? 'CI failure category (log-bugs)'
          : 'Filed by log-bugs'
      })
      usable.push(name)
    } catch (error) {
      rethrowIfFatal(error)
      const status = errorStatus(error)
      if (status === 422) {
        usable.push(name) // created meanwhile by a concurrent run: `already_exists`
        continue
      }
      core.warning(
        `log-bugs: cannot create label "${name}" (HTTP ${status ?? '?'}); filing without it. ` +
          'Create the label once by hand, or grant `issues: write`.'
      )
    }
  }
  return usable
}
