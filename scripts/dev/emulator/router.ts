import { loadOpenapiSubset } from './openapi-subset.js'
import { servedRoutes, type ServedRoute } from './served-routes.js'

export interface RouteMatch {
  route: ServedRoute
  params: Record<string, string>
}

interface CompiledRoute {
  route: ServedRoute
  method: string
  pattern: RegExp
  names: string[]
  literals: number
}

let compiled: CompiledRoute[] | undefined

// Integer path parameters only match digits, so `/issues/comments` is not issue "comments" but
// an unserved route, answered with a 404 that names it.
function compile(): CompiledRoute[] {
  const subset = loadOpenapiSubset()
  return servedRoutes
    .map(route => {
      const [method = '', template = ''] = route.split(' ')
      const integers = new Set(
        subset.operations[route]?.parameters
          .filter(p => p.in === 'path' && p.schema.type === 'integer')
          .map(p => p.name)
      )
      const names: string[] = []
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name)
          return integers.has(name) ? '(\\d+)' : '([^/]+)'
        })
      const literals = template.split('/').filter(s => s && !s.startsWith('{')).length
      return { route, method, pattern: new RegExp(`^${source}/?$`), names, literals }
    })
    .sort((a, b) => b.literals - a.literals)
}

export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  compiled ??= compile()
  for (const candidate of compiled) {
    if (candidate.method !== method) continue
    const match = candidate.pattern.exec(pathname)
    if (!match) continue
    const params: Record<string, string> = {}
    candidate.names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '')
    })
    return { route: candidate.route, params }
  }
  return undefined
}
