/**
 * The failure's category, from the tools whose signatures matched and the step's name.
 *
 * Order: runner terminal errors and failures in setup steps are infrastructure; advisories
 * make it security; then the category of the best key line's tool (tsc → type-check, eslint →
 * lint, prettier → format, pytest → test, gcc → build, npm ERESOLVE → dependency, …); then
 * words in the step name (`Lint`, `Run npm test`, `Type-check`); then build when the project's own
 * code failed with an error line no tool claims; unknown when nothing in the log explains it.
 */
import type { FailureCategory } from './types.js'

export interface CategoryEvidence {
  /** the categories of the key candidates (null for generic patterns), most important first */
  keyCategories: readonly (FailureCategory | null)[]
  /** the categories of all strong candidates in the step, in priority order */
  candidateCategories?: readonly (FailureCategory | null)[]
  /** the API step name and/or the `Run …` header text */
  stepNames: readonly (string | null | undefined)[]
  terminal: string | null
  /** the failure is in the job preamble or in a setup action (`actions/setup-node`, checkout, …) */
  setupStep: boolean
  advisoryCount: number
}

/** `Run actions/setup-node@v4`, `Run actions/checkout@v4`, `Run pnpm/action-setup@v4`, … */
const SETUP_ACTION =
  /^Run [\w.-]+\/(?:[\w.-]*setup[\w.-]*|checkout|cache|download-artifact|login-action|configure-[\w-]+-credentials)(?:\/[\w./-]+)?@\S+$/i
const SETUP_NAME = /^(?:Set up job|Initialize containers?|Set up runner|Set up container)$/

/** Whether a step name or header is a runner setup step or a setup/checkout/cache action. */
export function isSetupStep(name: string | null | undefined): boolean {
  return name != null && (SETUP_ACTION.test(name) || SETUP_NAME.test(name))
}

const STEP_WORDS: readonly [RegExp, FailureCategory][] = [
  [
    /\baudit\b|\bsecurity\b|\bvulnerabilit|\bcodeql\b|\bsnyk\b|\btrivy\b|\bsafety check\b/i,
    'security'
  ],
  [/\btype[- ]?check|\btsc\b|\bmypy\b|\bpyright\b|\btypes\b/i, 'type-check'],
  [/\bformat|\bprettier\b|\bblack\b|\bgofmt\b|\bfmt\b|\bisort\b/i, 'format'],
  [
    /\blint|\beslint\b|\bflake8\b|\bruff\b|\bpylint\b|\bclippy\b|\bshellcheck\b|\bvet\b|\bstyle\b/i,
    'lint'
  ],
  [
    /\btests?\b|\bpytest\b|\bjest\b|\bvitest\b|\bmocha\b|\bspec\b|\bunit\b|\be2e\b|\bcoverage\b|\bsmoke\b/i,
    'test'
  ],
  [
    /\binstall\b|\bdependenc|\bnpm ci\b|\bpnpm i\b|\byarn(?: install)?$|\bpip install\b|\bbundle\b|\brestore\b|\block\b/i,
    'dependency'
  ],
  [
    /\bbuild\b|\bcompile\b|\bmake\b|\bcmake\b|\bdocker\b|\bbundle\b|\bpackage\b|\bcargo build\b|\bgo build\b|\bmvn\b|\bgradle\b/i,
    'build'
  ]
]

/** The category a step name suggests, or null. */
export function categoryFromStepName(name: string | null | undefined): FailureCategory | null {
  if (name == null) return null
  for (const [pattern, category] of STEP_WORDS) if (pattern.test(name)) return category
  return null
}

/** Picks the failure category (see the module comment for the order of evidence). */
export function classifyFailure(evidence: CategoryEvidence): FailureCategory {
  if (evidence.terminal !== null) return 'infrastructure'
  if (evidence.setupStep) return 'infrastructure'
  if (evidence.advisoryCount > 0) return 'security'
  const first = evidence.keyCategories.find(c => c !== null)
  if (first) return first
  const other = (evidence.candidateCategories ?? []).find(c => c !== null)
  for (const name of evidence.stepNames) {
    const fromName = categoryFromStepName(name)
    if (fromName) return fromName
  }
  if (other) return other
  // a script of the project crashed (an exception, `Error:`), in a step whose name says
  // nothing: the project does not build or run
  if (evidence.keyCategories.length > 0) return 'build'
  return 'unknown'
}
