export { startEmulator, type Emulator, type EmulatorOptions } from './start-emulator.js'
export { createManualClock, defaultClockStart, isoSeconds, type Clock } from './clock.js'
export type { FaultInjector, FaultSpec } from './faults.js'
export { signedLogRoute, type RecordedRequest } from './recorded-request.js'
export {
  defaultToken,
  forkPullRequestToken,
  type Access,
  type Permission,
  type Scenario,
  type SeedComment,
  type SeedIssue,
  type SeedJob,
  type SeedLabel,
  type SeedLog,
  type SeedPull,
  type SeedRun,
  type SeedStep,
  type SeedUser,
  type TokenSpec
} from './scenario.js'
export type {
  CommentModel,
  EmulatorState,
  IssueModel,
  JobModel,
  LabelModel,
  PullModel,
  RunModel,
  UserModel
} from './state.js'
export type { OpenapiViolation } from './validate-request.js'
export { checkSchema, type SchemaViolation } from './check-schema.js'
export { loadOpenapiSubset } from './openapi-subset.js'
export { checkResponse } from './validate-request.js'
export { octokitFor } from './octokit-for.js'
