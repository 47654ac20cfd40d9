import { escapeInline } from '../markdown/escape-markdown.js'
import { fenceUntrusted } from '../markdown/fence-code.js'
import { link } from '../markdown/link.js'
import { formatCommentMarker } from '../markdown/marker.js'
import { renderTemplate } from '../markdown/render-template.js'
import { occurrenceKey } from './metadata.js'
import type { Failure, RunContext } from './types.js'

/** `<!-- log-bugs:occurrence=<run>-<attempt> -->`: one occurrence comment per run and attempt. */
const occurrenceMarker = (context: RunContext): string =>
  formatCommentMarker('occurrence', occurrenceKey({ id: context.runId, attempt: context.attempt }))

/** The comment that records a run on a known failure's issue, from the occurrence template. */
export function renderOccurrence(template: string, context: RunContext, failure: Failure): string {
  const headline = failure.primary.log.analysis?.keyLines[0]
  return renderTemplate(template, {
    run: link(`run ${context.runId}`, context.runUrl),
    attempt: String(context.attempt),
    branch: escapeInline(context.branch || '(none)'),
    pr: context.pr ? link(`#${context.pr.number}`, context.pr.url) : '',
    commit: /^[0-9a-f]{7,40}$/i.test(context.sha) ? `\`${context.sha.slice(0, 7)}\`` : '',
    jobs: failure.jobs.map(job => link(job.name, job.url)).join(', '),
    headline: headline ? fenceUntrusted(headline).text : '',
    marker: occurrenceMarker(context)
  })
}
