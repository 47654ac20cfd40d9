import type { Clock } from './clock.js'
import type { EmulatorState, RateLimitBucket } from './state.js'

export type RateLimitResource = 'core' | 'search'

// GITHUB_TOKEN gets 1,000 requests/hour per repository, PATs 5,000/hour; search has its own
// 30/minute bucket (docs: rate-limits-for-the-rest-api).
const windows = { core: 3600, search: 60 }

export function bucketFor(
  state: EmulatorState,
  clock: Clock,
  token: string,
  resource: RateLimitResource
): RateLimitBucket {
  let buckets = state.rateLimits.get(token)
  const nowSeconds = Math.floor(clock.now() / 1000)
  if (!buckets) {
    const spec = state.tokens[token]
    // '' is the unauthenticated caller, who gets 60/hour.
    const coreLimit = token === '' ? 60 : spec?.kind === 'user' ? 5000 : 1000
    buckets = {
      core: spec?.rateLimit
        ? {
            ...spec.rateLimit,
            used: spec.rateLimit.limit - spec.rateLimit.remaining,
            windowSeconds: windows.core
          }
        : {
            limit: coreLimit,
            remaining: coreLimit,
            reset: nowSeconds + windows.core,
            used: 0,
            windowSeconds: windows.core
          },
      search: {
        limit: 30,
        remaining: 30,
        reset: nowSeconds + windows.search,
        used: 0,
        windowSeconds: windows.search
      }
    }
    state.rateLimits.set(token, buckets)
  }
  const bucket = buckets[resource]
  // Buckets refill when their reset time passes, as on GitHub.
  if (nowSeconds >= bucket.reset) {
    bucket.remaining = bucket.limit
    bucket.used = 0
    bucket.reset = nowSeconds + bucket.windowSeconds
  }
  return bucket
}

export function rateLimitHeaders(
  bucket: RateLimitBucket,
  resource: RateLimitResource
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(bucket.remaining),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(bucket.used),
    'x-ratelimit-resource': resource
  }
}
