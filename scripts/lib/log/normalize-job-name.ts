/**
 * The job name without its matrix values, so the legs of one matrix share a fingerprint.
 *
 * The runner appends matrix values in parentheses (`test (ubuntu-latest, 20)`); a job of a
 * called (reusable) workflow is shown as `caller / callee`, each side with its own values:
 * `ci (linux) / test (20)` → `ci / test`. Values written into a custom job name
 * (`Test on ${{ matrix.os }}`) stay: the result is also shown in issue titles.
 */
export function normalizeJobName(name: string): string {
  return name
    .split(' / ')
    .map(part =>
      part
        .replace(/(?:\s*\([^()]*\))+\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .join(' / ')
}
