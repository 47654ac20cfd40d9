/** One problem in a workflow or action file, from any of lint-workflows' checks. */
export interface Finding {
  /** The repository path, e.g. .github/workflows/ci.yml. */
  file: string
  /** 1-based. */
  line: number
  /** Our rule id, or the tool's: actionlint/<kind>, workflow-parser, action-schema… */
  rule: string
  message: string
}

/** `file:line: [rule] message`, the shape editors and CI annotations link from. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}: [${finding.rule}] ${finding.message}`
}
