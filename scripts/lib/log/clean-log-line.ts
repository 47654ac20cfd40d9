/**
 * One line of an Actions job log, taken apart (see docs/log-analysis.md §1.2–1.3).
 *
 * A runner line is `<28-char ISO timestamp> <message>`, e.g.
 * `2024-10-08T13:24:44.9714395Z ##[error]Process completed with exit code 1.`
 * Lines of a multi-line message after the first carry no timestamp ("continuation lines").
 */

import { stripAnsi } from '../untrusted/ansi.js'

export type LogTag =
  'group' | 'endgroup' | 'error' | 'warning' | 'notice' | 'debug' | 'command' | 'section'

export interface ParsedLogLine {
  /** the runner timestamp (`2024-10-08T13:24:44.9714395Z`), or null for a continuation line */
  timestamp: string | null
  /** the `##[tag]` (or `[tag]`, as `@actions/exec` echoes commands) the message starts with */
  tag: LogTag | null
  /** the message without timestamp, ANSI escapes and tag, trailing whitespace trimmed */
  text: string
  /** what people see: `text`, except that group/endgroup lines keep their `##[tag]` */
  cleaned: string
}

const BOM = /^\uFEFF+/
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?/
/** `travis_fold:start:install`, `travis_time:end:1a5b:start=…,finish=…,duration=…` */
const TRAVIS_MARKER =
  /travis_(?:fold|time):(?:start|end):[\w.-]*(?::start=\d+,finish=\d+,duration=\d+(?:,event=\w+)?)?/g
const TAG = /^(?:##)?\[(group|endgroup|error|warning|notice|debug|command|section)\]/

/** Splits a raw log line (any trailing `\r` or `\n` is dropped) into timestamp, tag and text. */
export function parseLogLine(raw: string): ParsedLogLine {
  let line = raw
  if (line.endsWith('\n')) line = line.slice(0, -1)
  if (line.endsWith('\r')) line = line.slice(0, -1)
  line = line.replace(BOM, '')
  let timestamp: string | null = null
  const ts = TIMESTAMP.exec(line)
  if (ts) {
    timestamp = ts[1] ?? null
    line = line.slice(ts[0].length).replace(BOM, '')
  }
  line = stripAnsi(line).trimEnd()
  // A carriage return inside a line redraws it (progress bars, Travis's fold markers): what a
  // terminal shows is the last part that says something.
  if (line.includes('\r'))
    line =
      line
        .split('\r')
        .filter(part => part.trim() !== '')
        .at(-1) ?? ''
  // Travis CI's own markers around commands: `travis_time:start:1a5b$ make` → `$ make`
  if (line.includes('travis_')) line = line.replace(TRAVIS_MARKER, '')
  const tagMatch = TAG.exec(line)
  const tag = (tagMatch?.[1] as LogTag | undefined) ?? null
  // `[tag]` without `##` is how @actions/exec echoes commands (`[command]/usr/bin/git …`), but
  // prettier prints its own `[error] file: SyntaxError …`: a bare `[error]` stays text.
  const bare = tagMatch !== null && !line.startsWith('##')
  if (tag === null || (bare && tag === 'error')) {
    return { timestamp, tag: null, text: line, cleaned: line }
  }
  const text = line.slice(tagMatch?.[0].length ?? 0)
  const structural = tag === 'group' || tag === 'endgroup'
  return { timestamp, tag, text, cleaned: structural ? line : text }
}

/**
 * The line as people should read it: BOM, `\r`, timestamp, ANSI escapes and a leading
 * `##[error]`-style tag removed (group headers keep theirs), trailing whitespace trimmed,
 * leading indentation kept.
 */
export function cleanLogLine(raw: string): string {
  return parseLogLine(raw).cleaned
}
