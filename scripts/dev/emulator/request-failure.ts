/** The parts of Octokit's RequestError the tests look at. */
export interface RequestFailure {
  status: number
  response: {
    status: number
    headers: Record<string, string | undefined>
    data: { message: string; errors?: unknown[]; documentation_url?: string; status?: string }
  }
}

/** Use as `.then(shouldHaveFailed, asFailure)`: a request that succeeds fails the test. */
export function shouldHaveFailed(): never {
  throw new Error('expected the request to fail')
}

export function asFailure(error: unknown): RequestFailure {
  return error as RequestFailure
}
