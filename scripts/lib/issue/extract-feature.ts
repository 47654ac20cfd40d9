/**
 * The feature (story/ticket) a branch works on, from its name:
 * `feature/7-login` → {id: '7', name: 'login'}; `feat/7` → 7; `7-login` → 7; `story-7` → 7;
 * `fix/ABC-12-null-check` → {id: 'ABC-12', name: 'null check'}; `main`, `release/1.2.3`,
 * `renovate/node-20.x` → none. The last path segment that looks like a ticket wins.
 */
export function extractFeature(branch: string): { id: string; name: string } {
  const segments = branch.split('/').filter(Boolean).reverse()
  for (const segment of segments) {
    // an optional word prefix (feature-7, story_7, gh-7), then the number, then an optional slug
    const numbered =
      /^(?:(?:feature|feat|story|issue|bug|bugfix|fix|hotfix|task|ticket|gh)[-_]?)?#?(\d{1,9})(?:[-_]+(.+))?$/i.exec(
        segment
      )
    if (numbered?.[1]) return { id: numbered[1], name: humanize(numbered[2]) }
    // Jira-style keys are upper case by convention; lower-case words like story-7 are caught above
    const keyed = /^([A-Z][A-Z0-9]{1,9}-\d{1,9})(?:[-_]+(.+))?$/.exec(segment)
    if (keyed?.[1]) return { id: keyed[1], name: humanize(keyed[2]) }
  }
  return { id: '', name: '' }
}

function humanize(slug: string | undefined): string {
  return (slug ?? '').replace(/[-_]+/g, ' ').trim()
}
