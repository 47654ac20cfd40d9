export interface Page<T> {
  items: T[]
  /** The Link header value, or undefined when everything fits on one page. */
  link: string | undefined
}

/**
 * Slices `items` like GitHub: per_page defaults to 30 and is capped at 100, page starts at 1.
 * The Link header repeats the request's own URL with only `page` changed, in GitHub's order
 * (prev, next, last, first), which is what Octokit's paginate follows.
 */
export function paginate<T>(items: readonly T[], requestUrl: URL, maxItems = Infinity): Page<T> {
  const query = requestUrl.searchParams
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30))
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1)
  const reachable = Math.min(items.length, maxItems)
  const lastPage = Math.max(1, Math.ceil(reachable / perPage))
  const start = (page - 1) * perPage
  const slice = start >= reachable ? [] : items.slice(start, Math.min(start + perPage, reachable))
  if (lastPage === 1) return { items: slice, link: undefined }

  const urlFor = (n: number): string => {
    const url = new URL(requestUrl)
    url.searchParams.set('page', String(n))
    return url.toString()
  }
  const links: string[] = []
  if (page > 1) links.push(`<${urlFor(Math.min(page - 1, lastPage))}>; rel="prev"`)
  if (page < lastPage) {
    links.push(`<${urlFor(page + 1)}>; rel="next"`)
    links.push(`<${urlFor(lastPage)}>; rel="last"`)
  }
  if (page > 1) links.push(`<${urlFor(1)}>; rel="first"`)
  return { items: slice, link: links.join(', ') }
}

/** `{ link }` when there is more than one page, else no headers. */
export function linkHeader(page: Page<unknown>): Record<string, string> {
  return page.link === undefined ? {} : { link: page.link }
}
