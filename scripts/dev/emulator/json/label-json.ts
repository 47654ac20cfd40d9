import { resolveLabel } from '../state.js'
import { repoApiUrl, type JsonContext } from './json-context.js'

export function labelJson(ctx: JsonContext, name: string): Record<string, unknown> {
  const label = resolveLabel(ctx.state, name)
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description
  }
}
