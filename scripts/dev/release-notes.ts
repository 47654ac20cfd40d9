// What .github/workflows/release.yml checks before it publishes a tag: that the tag is the
// version package.json gives (so the release ships what npm run release prepared), and that
// CHANGELOG.md has that version's section, whose text becomes the release notes.

/** Why `tag` cannot be released from a package.json at `version`, or null when it can. */
export function checkReleaseTag(tag: string, version: string): string | null {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) return `tag ${tag} is not vX.Y.Z`
  if (tag !== `v${version}`)
    return `tag ${tag} is not v${version}, the version in package.json (run npm run release -- ${tag.slice(1)} first)`
  return null
}

/**
 * The body of CHANGELOG.md's `## [version]` section (the heading and its date left out), up to
 * the next section or the link references. Throws when the section is missing or empty.
 */
export function extractReleaseNotes(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex(line => line.startsWith(`## [${version}]`))
  if (start === -1) throw new Error(`CHANGELOG.md has no "## [${version}]" section`)
  const rest = lines.slice(start + 1)
  const end = rest.findIndex(line => /^## |^\[[^\]]+\]: /.test(line))
  const notes = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
  if (notes === '') throw new Error(`CHANGELOG.md: the [${version}] section is empty`)
  return `${notes}\n`
}
