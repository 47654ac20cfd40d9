import { notFound, validationFailed } from '../errors.js'
import { labelNames } from '../issue-rules.js'
import { repoApiUrl } from '../json/json-context.js'
import { labelJson } from '../json/label-json.js'
import { linkHeader, paginate } from '../paginate.js'
import type { RouteHandler } from '../route-context.js'
import { addLabel, findLabel, resolveLabel, touchIssue } from '../state.js'
import { dedupe, issueFromParams } from './issue-routes.js'

export const listLabelsForRepo: RouteHandler = ctx => {
  const labels = [...ctx.state.labels].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : a.name.toLowerCase() > b.name.toLowerCase()
        ? 1
        : 0
  )
  const page = paginate(labels, ctx.url)
  return {
    status: 200,
    body: page.items.map(l => labelJson(ctx, l.name)),
    headers: linkHeader(page)
  }
}

/** Label names match case-insensitively, as on GitHub. */
export const getLabel: RouteHandler = ctx => {
  const label = findLabel(ctx.state, ctx.params.name ?? '')
  if (!label) throw notFound()
  return { status: 200, body: labelJson(ctx, label.name) }
}

/** Colour is six hex digits without '#'; descriptions stop at 100 characters. */
export const createLabel: RouteHandler = ctx => {
  const name = String(ctx.body.name)
  if (name.trim() === '')
    throw validationFailed({ resource: 'Label', code: 'missing_field', field: 'name' })
  const color = typeof ctx.body.color === 'string' ? ctx.body.color : 'ededed'
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color', value: color })
  }
  const description = typeof ctx.body.description === 'string' ? ctx.body.description : null
  if (description !== null && [...description].length > 100) {
    throw validationFailed({
      resource: 'Label',
      code: 'custom',
      field: 'description',
      message: 'description is too long (maximum is 100 characters)'
    })
  }
  if (findLabel(ctx.state, name)) {
    throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' })
  }
  const label = addLabel(ctx.state, name, color, description)
  return {
    status: 201,
    body: labelJson(ctx, label.name),
    headers: { location: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(label.name)}` }
  }
}

/** Adds to the issue's labels (creating unknown ones) and returns all of them. */
export const addLabels: RouteHandler = ctx => {
  const issue = issueFromParams(ctx)
  const added = labelNames(ctx.body.labels).map(name => resolveLabel(ctx.state, name).name)
  issue.labels = dedupe([...issue.labels, ...added])
  touchIssue(ctx.state, issue, ctx.clock.now())
  return { status: 200, body: issue.labels.map(name => labelJson(ctx, name)) }
}
