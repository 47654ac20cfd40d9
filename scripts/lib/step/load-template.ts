import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from './errors.js'

export type TemplateName = 'issue' | 'pr-comment'

/**
 * A template's text: the user's file when an input names one (relative to the workspace), else
 * the default. Defaults sit in `dist/templates/` beside the compiled steps (the build copies
 * them) and in `templates/` at the top of the repository when running from source.
 */
export function loadTemplate(name: TemplateName, custom = '', workspace = process.cwd()): string {
  if (custom) {
    const file = isAbsolute(custom) ? custom : resolve(workspace, custom)
    try {
      return readFileSync(file, 'utf8')
    } catch {
      throw new ConfigError(
        `template ${custom} cannot be read (looked for ${file}); check the ${name}-template input`
      )
    }
  }
  // dist/lib/step/ → dist/templates/ on a runner; scripts/lib/step/ → templates/ from source
  for (const relative of [`../../templates/${name}.md`, `../../../templates/${name}.md`]) {
    const file = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(file)) return readFileSync(file, 'utf8')
  }
  throw new ConfigError(
    `the default ${name} template is missing from the action (dist/templates/${name}.md)`
  )
}
