/**
 * The streaming core of the log analysis: one pass over the bytes, bounded memory.
 *
 * For every line it only finds the line end, skips the timestamp and looks at the first byte
 * of the message; a line is decoded and matched against the patterns (the "slow path") when
 * that byte starts a `##[tag]` or a runner marker, when it is in the first HEAD_FULL_LINES of
 * its step, when a cheap keyword search over the whole block (HOT_PREFILTER_LATIN1) hit it,
 * or when a pending match still wants context. When a long step ends, its last
 * TAIL_FULL_LINES lines are matched in full from the retained recent blocks, so a step's
 * start and end are always read completely and only the middle of a huge step relies on the
 * keyword search.
 *
 * Per step (section) it keeps a bounded set of matches with their context, never all lines.
 */
import type { Buffer } from 'node:buffer'
import { parseLogLine, type ParsedLogLine } from './clean-log-line.js'
import { HotSearch } from './hot-search.js'
import { LineHistory } from './line-history.js'
import { classifyLine, isBoilerplate, matchTerminal, type LineMatch } from './match-line.js'
import { ADVISORY_ID, type ErrorPattern, type Terminal, type Tier } from './patterns/pattern.js'
import { EXIT_CODE_LINE, NOVEL_LINE, SEEN_IN_GREEN } from './patterns/runner.js'
import type { Baseline } from './baseline.js'
import { LineSplitter, decodeLine } from './read-log-lines.js'
import type { SectionInfo, SectionKind } from './split-steps.js'
import {
  findFileHeader,
  matchToolRules,
  newToolRuleState,
  type HeaderSearch,
  type ToolRuleState
} from './tool-rules.js'

/** Lines at the start of each step that are always matched in full. */
export const HEAD_FULL_LINES = 2000
/** Lines at the end of each step that are always matched in full. */
export const TAIL_FULL_LINES = 1500
/** Context captured around a match, at most. */
const MAX_BEFORE = 12
const MAX_AFTER = 16
/** Matches kept per step and tier: the first ones and the last ones. */
const KEEP_FIRST = 24
const KEEP_LAST = 24
/** Recent lines kept for context and the tail pass (bounded by bytes too). */
const HISTORY_LINES = TAIL_FULL_LINES + MAX_BEFORE + 64
/** The step's last lines, for the excerpt when nothing matched. */
const TAIL_KEEP = 60
/**
 * Lines kept after a match for the excerpt to choose its explanation from (a diff, a code
 * frame, the stack frames in the project), cut to FOLLOW_CHARS; at most FOLLOW_BUDGET lines in
 * all, so a log with thousands of matches stays within bounded memory.
 */
const FOLLOW_LINES = 40
const FOLLOW_CHARS = 500
const FOLLOW_BUDGET = 40_000
/** Stored context lines are cut to this many characters. */
const MAX_STORED_CHARS = 2000
/** Advisory ids kept per step. */
const MAX_ADVISORIES = 200

const HASH = 35
const DOLLAR = 36
const SPACE = 32
const LETTER_T = 84
const LETTER_LOWER_T = 116
const OPEN_BRACKET = 91
const LETTER_P = 80
const LETTER_C = 67
const BOM_0 = 0xef
const BOM_1 = 0xbb
const BOM_2 = 0xbf

export interface ScannedHit {
  line: number
  text: string
  pattern: ErrorPattern
  tier: Tier
  terminal: Terminal | null
  /** context and the hit itself, in log order */
  window: [number, string][]
  afterWanted: number
  /** the pattern's after-context; the window may run on to a stack frame (`afterUntil`) */
  afterBase: number
  /** where the stack frame was found, or 0 */
  frameLine: number
  /** the lines after the match (up to FOLLOW_LINES), for the excerpt's explanation */
  following: [number, string][]
  followWanted: number
  /** the window's after-context is complete */
  settled: boolean
  anchor: [number, string] | null
}

export interface ScannedSection extends SectionInfo {
  hits: ScannedHit[]
  tail: [number, string][]
  advisories: string[]
  /** a `run:` step (its header echoes a script and names its `shell:`), not an action */
  scripted: boolean
  /** ended by a script's `Process completed with exit code N` */
  scriptExit: boolean
  /** where the commands the step echoed start (`$ cmd`, `+ cmd`, `[command]…`), in order */
  commands: number[]
  /** where a command says it failed (`The command "…" exited with 1.`), in order */
  commandFailures: number[]
}

interface SectionState extends ScannedSection {
  inHeader: boolean
  contentFirst: number
  contentLines: number
  byTier: ScannedHit[][]
  pending: ScannedHit[]
  advisorySet: Set<string>
  rules: ToolRuleState
  headers: HeaderSearch
  commandSet: Set<number>
  failureSet: Set<number>
  /** new lines when comparing with a green log (MAX_NOVEL, the last ones) */
  novel: ScannedHit[]
}

export interface ScanResult {
  sections: ScannedSection[]
  totalLines: number
  bytes: number
}

/**
 * Ends a hit's after-context: a window that ran on looking for a stack frame (`afterUntil`)
 * and found none goes back to the pattern's usual length.
 */
function settleWindow(hit: ScannedHit): void {
  if (hit.settled) return
  hit.settled = true
  hit.afterWanted = 0
  if (hit.pattern.afterUntil === undefined) return
  const last = Math.max(hit.line + hit.afterBase, hit.frameLine)
  hit.window = hit.window.filter(([n]) => n <= last)
}

/**
 * Whether the message starts (after spaces) with a passing-test mark `✓`, `✔` or `√`: such a
 * line is no error whatever words its test name has ("✓ reports an error for bad input").
 */
function passMarkerAt(buf: Buffer, at: number, end: number): boolean {
  let i = at
  while (i < end && buf[i] === 32) i++
  if (buf[i] !== 0xe2) return false
  const second = buf[i + 1]
  const third = buf[i + 2]
  return (
    (second === 0x9c && (third === 0x93 || third === 0x94)) || (second === 0x88 && third === 0x9a)
  )
}

/** Whether the bytes at `at` spell `ascii`. */
function asciiAt(buf: Buffer, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (buf[at + i] !== ascii.charCodeAt(i)) return false
  return true
}

function cut(text: string): string {
  return text.length > MAX_STORED_CHARS ? text.slice(0, MAX_STORED_CHARS) : text
}

/** A `##[group]Run …` header is followed by its echoed script, `shell:`, `with:`/`env:` or `##[endgroup]`. */
function looksLikeHeaderBody(raw: string, parsed: ParsedLogLine): boolean {
  if (parsed.tag === 'endgroup') return true
  if (raw.includes('\x1b[36;1m')) return true
  return /^(?:shell|with|env):/.test(parsed.text)
}

/** Inside the header: script echo, `shell:`, `with:`/`env:` and their indented values. */
function isHeaderLine(raw: string, parsed: ParsedLogLine): boolean {
  if (raw.includes('\x1b[36;1m')) return true
  return /^(?:shell|with|env):|^\s+\S|^$/.test(parsed.text)
}

/** New lines kept per step when comparing with a green log. */
const MAX_NOVEL = 80

/**
 * A line compared with the green log: a match the green run printed too is demoted to
 * context; a plain line it never printed is news (NOVEL_LINE). Runner terminal errors stay.
 */
function compareWithGreen(
  baseline: Baseline,
  match: LineMatch | null,
  text: string
): LineMatch | null {
  if (match !== null) {
    if (match.tier === 0 || match.tier === 4 || !baseline.has(text)) return match
    return { pattern: SEEN_IN_GREEN, tier: 4, terminal: null }
  }
  const trimmed = text.trim()
  if (trimmed === '' || isBoilerplate(trimmed) || baseline.has(text)) return null
  return { pattern: NOVEL_LINE, tier: 3, terminal: null }
}

/** Commands remembered per step, the last ones. */
const MAX_COMMANDS = 200
/**
 * A command the CI echoed: Travis `$ npm test`. (`set -x`'s `+ make` is left out: a diff's
 * `+ Received` lines look the same.)
 */
const COMMAND_ECHO = /^\$ \S/
/** A command that says it failed: Travis, Jenkins. */
const COMMAND_FAILED =
  /^The command ".*" exited with [1-9]\d*\.$|^ERROR: script returned exit code [1-9]\d*$/

/** Remembers where commands start and where one says it failed, within bounds. */
function noteCommand(section: SectionState, line: number, tag: string | null, text: string): void {
  if (tag === 'command' || (tag === null && COMMAND_ECHO.test(text))) {
    section.commandSet.add(line)
    if (section.commandSet.size > 4 * MAX_COMMANDS) trim(section.commandSet)
  } else if (tag === null && COMMAND_FAILED.test(text)) {
    section.failureSet.add(line)
    if (section.failureSet.size > 4 * MAX_COMMANDS) trim(section.failureSet)
  }
}

function trim(set: Set<number>): void {
  const last = [...set].sort((a, b) => a - b).slice(-MAX_COMMANDS)
  set.clear()
  for (const n of last) set.add(n)
}

export class LogScanner {
  private readonly splitter: LineSplitter
  private readonly history = new LineHistory(HISTORY_LINES)
  private readonly sections: SectionState[] = []
  private section: SectionState
  private lineNo = 0
  private seenTimestamp = false
  private phase: 'main' | 'post' | 'complete' = 'main'
  private pendingHeader: { line: number; title: string; time: string | null } | null = null
  /** lines still to be decoded whatever the prefilter says (context, tracebacks) */
  private forceSlow = 0
  /** following lines that may still be kept, in all (FOLLOW_BUDGET) */
  private followBudget = FOLLOW_BUDGET
  private ended: ScanResult | null = null

  /** `baseline`: the lines of a green log of the same job (baseline.ts), or null */
  constructor(private readonly baseline: Baseline | null = null) {
    this.splitter = new LineSplitter((buf, start, end) => this.scanBlock(buf, start, end))
    this.section = this.openSection('setup', null, null, 1)
  }

  write(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error('LogScanner: write() after end()')
    this.splitter.write(chunk)
  }

  end(): ScanResult {
    if (this.ended) return this.ended
    this.splitter.end()
    if (this.pendingHeader) this.confirmHeader()
    this.closeSection(this.section)
    this.ended = {
      sections: this.sections.map(s => ({
        index: s.index,
        kind: s.kind,
        title: s.title,
        startTime: s.startTime,
        firstLine: s.firstLine,
        lastLine: s.lastLine,
        exitCode: s.exitCode,
        terminal: s.terminal,
        errorCount: s.errorCount,
        hits: s.hits,
        tail: s.tail,
        advisories: s.advisories,
        scripted: s.scripted,
        scriptExit: s.scriptExit,
        commands: s.commands,
        commandFailures: s.commandFailures
      })),
      totalLines: this.lineNo,
      bytes: this.splitter.bytes
    }
    return this.ended
  }

  // ---------------------------------------------------------------- the hot loop

  private scanBlock(buf: Buffer, start: number, end: number): void {
    const block = this.history.open(buf, start, end, this.lineNo + 1)
    const hot = new HotSearch(buf, start, end)
    let nextHot = hot.next(start)
    // hot state in locals; written back around every slow line
    let section = this.section
    let contentLines = section.contentLines
    let lastLine = section.lastLine
    let lineNo = this.lineNo
    let seenTimestamp = this.seenTimestamp
    let position = start
    while (position < end) {
      let newline = buf.indexOf(10, position)
      if (newline < 0 || newline > end) newline = end
      lineNo++
      if (block.count === block.starts.length) LineHistory.grow(block)
      block.starts[block.count++] = position

      // message start: after a BOM and the timestamp (`2024-10-08T13:24:44.9714395Z `)
      let c = position
      if (buf[c] === BOM_0 && buf[c + 1] === BOM_1 && buf[c + 2] === BOM_2) c += 3
      let timestamped = false
      if (buf[c + 10] === 84 && buf[c + 4] === 45 && buf[c + 13] === 58 && buf[c + 16] === 58) {
        let z = c + 27
        if (buf[z] !== 90) {
          z = c + 19
          if (buf[z] === 46) {
            z++
            while (z < newline && (buf[z] as number) >= 48 && (buf[z] as number) <= 57) z++
          }
        }
        if (buf[z] === 90 && z < newline) {
          timestamped = true
          c = z + 1
          if (buf[c] === 32) c++
          if (buf[c] === BOM_0 && buf[c + 1] === BOM_1 && buf[c + 2] === BOM_2) c += 3
        }
      }
      const continuation = !timestamped && seenTimestamp
      if (timestamped) seenTimestamp = true

      let slow = this.forceSlow > 0 || this.pendingHeader !== null || section.inHeader
      if (!slow)
        slow =
          contentLines < HEAD_FULL_LINES || (nextHot < newline && !passMarkerAt(buf, c, newline))
      if (!slow && !continuation) {
        const first = buf[c]
        slow =
          first === HASH ||
          // a command echo (`$ npm test`) or Travis's `The command "…" exited with 1.`
          (first === DOLLAR && buf[c + 1] === SPACE) ||
          (first === LETTER_T && asciiAt(buf, c, 'The command "')) ||
          (first === LETTER_LOWER_T && asciiAt(buf, c, 'travis_')) ||
          first === OPEN_BRACKET ||
          (first === LETTER_P && asciiAt(buf, c, 'Post job cleanup.')) ||
          (first === LETTER_C && asciiAt(buf, c, 'Cleaning up orphan processes'))
      }
      if (slow) {
        this.lineNo = lineNo
        this.seenTimestamp = seenTimestamp
        section.contentLines = contentLines
        section.lastLine = lastLine
        this.slowLine(lineNo, decodeLine(buf, position, newline), continuation)
        section = this.section
        contentLines = section.contentLines
        lastLine = section.lastLine
      } else {
        contentLines++
        lastLine = lineNo
      }
      if (this.forceSlow > 0) this.forceSlow--

      position = newline + 1
      if (nextHot < position) nextHot = hot.next(position)
    }
    this.lineNo = lineNo
    this.seenTimestamp = seenTimestamp
    section.contentLines = contentLines
    section.lastLine = lastLine
    this.history.close(block)
  }

  // ---------------------------------------------------------------- decoded lines

  private slowLine(line: number, raw: string, continuation: boolean): void {
    const parsed = parseLogLine(raw)
    if (this.pendingHeader !== null) {
      if (!continuation && looksLikeHeaderBody(raw, parsed)) this.confirmHeader()
      else {
        // a tool's own `::group::Run …`: part of the current step
        this.section.lastLine = this.pendingHeader.line
        this.pendingHeader = null
      }
    }
    let section = this.section
    if (!continuation) {
      if (parsed.tag === 'group' && parsed.text.startsWith('Run ') && this.phase === 'main') {
        this.pendingHeader = { line, title: parsed.text, time: parsed.timestamp }
        return
      }
      if (parsed.tag === null && parsed.text === 'Post job cleanup.') {
        this.phase = 'post'
        this.openSection('post', null, parsed.timestamp, line)
        return
      }
      if (
        parsed.tag === null &&
        parsed.text === 'Cleaning up orphan processes' &&
        this.phase !== 'complete'
      ) {
        this.phase = 'complete'
        section = this.openSection('complete', null, parsed.timestamp, line)
        section.contentFirst = line + 1
        return
      }
    }
    section.lastLine = line
    if (section.inHeader) {
      if (parsed.tag === 'endgroup') {
        section.inHeader = false
        section.contentFirst = line + 1
        return
      }
      if (isHeaderLine(raw, parsed)) {
        if (raw.includes('\x1b[36;1m') || parsed.text.startsWith('shell:')) section.scripted = true
        return
      }
      // a header the runner did not close: this line is already output
      section.inHeader = false
      section.contentFirst = line
    }
    section.contentLines++
    const tag = continuation ? null : parsed.tag
    const text = continuation ? parsed.text : parsed.cleaned
    if (!continuation) noteCommand(section, line, tag, text)

    if (tag === 'error') {
      const exit = EXIT_CODE_LINE.exec(parsed.text)
      if (exit) {
        section.exitCode = Number(exit[1])
        if (parsed.text.startsWith('Process completed')) section.scriptExit = true
        this.feedPending(section, line, null)
        return
      }
      const terminal = matchTerminal(parsed.text)
      if (terminal !== null && section.terminal === null) section.terminal = terminal
      if (terminal !== null || !isBoilerplate(parsed.text)) section.errorCount++
    }
    this.feedPending(section, line, text)

    let match: LineMatch | null = null
    if (tag === null || tag === 'error') {
      match = classifyLine(text, tag === 'error')
      const rule = matchToolRules(section.rules, line, text)
      this.forceSlow = Math.max(this.forceSlow, rule.readAhead)
      if (rule.match !== null && (match === null || rule.match.tier <= match.tier))
        match = rule.match
    }
    if (this.baseline !== null && (tag === null || tag === 'error'))
      match = compareWithGreen(this.baseline, match, text)
    if (match !== null) {
      const hit = this.addHit(section, line, text, match, true, section.rules.tracebackLine)
      if (hit.pattern.id === 'python-traceback-end') section.rules.tracebackEnd = hit
    }
  }

  private feedPending(section: SectionState, line: number, text: string | null): void {
    if (section.pending.length === 0) return
    for (const hit of section.pending) {
      if (text === null) {
        hit.afterWanted = 0
        hit.followWanted = 0
        continue
      }
      if (hit.followWanted > 0 && this.followBudget > 0) {
        hit.following.push([line, text.length > FOLLOW_CHARS ? text.slice(0, FOLLOW_CHARS) : text])
        hit.followWanted--
        this.followBudget--
      }
      if (hit.afterWanted <= 0) continue
      hit.window.push([line, cut(text)])
      hit.afterWanted--
      if (hit.frameLine === 0 && hit.pattern.afterUntil?.test(text)) hit.frameLine = line
      if (hit.frameLine !== 0 && line >= hit.line + hit.afterBase) hit.afterWanted = 0
    }
    for (const hit of section.pending) if (hit.afterWanted <= 0) settleWindow(hit)
    section.pending = section.pending.filter(h => h.afterWanted > 0 || h.followWanted > 0)
  }

  private addHit(
    section: SectionState,
    line: number,
    text: string,
    match: LineMatch,
    online: boolean,
    tracebackLine: number
  ): ScannedHit {
    const pattern = match.pattern
    const before = Math.min(MAX_BEFORE, pattern.before ?? 2)
    const afterBase = Math.min(MAX_AFTER, pattern.after ?? 4)
    // look further for the stack frame that says where it happened
    const after = pattern.afterUntil ? MAX_AFTER : afterBase
    const window: [number, string][] = []
    let from = Math.max(section.contentFirst, line - before)
    if (pattern.id === 'python-traceback-end') from = Math.max(from, tracebackLine)
    for (let n = from; n < line; n++) {
      const context = this.contextLine(n)
      if (context !== null) window.push([n, context])
    }
    window.push([line, cut(text)])
    const hit: ScannedHit = {
      line,
      text: cut(text),
      pattern,
      tier: match.tier,
      terminal: match.terminal,
      window,
      afterWanted: after,
      afterBase,
      frameLine: 0,
      following: [],
      followWanted: match.tier <= 3 && this.followBudget > 0 ? FOLLOW_LINES : 0,
      settled: false,
      anchor: pattern.fileLineAbove
        ? findFileHeader(section.headers, section.contentFirst, line, pattern.fileLineAbove, n =>
            this.contextLine(n)
          )
        : null
    }
    if (online) {
      if (after > 0 || hit.followWanted > 0) {
        section.pending.push(hit)
        this.forceSlow = Math.max(this.forceSlow, Math.max(after, hit.followWanted) + 1)
      }
      if (after === 0) settleWindow(hit)
    } else {
      for (let n = line + 1; n <= Math.min(section.lastLine, line + hit.followWanted); n++) {
        const context = this.contextLine(n)
        if (context === null) break
        hit.following.push([
          n,
          context.length > FOLLOW_CHARS ? context.slice(0, FOLLOW_CHARS) : context
        ])
      }
      this.followBudget -= hit.following.length
      hit.followWanted = 0
      for (let n = line + 1; n <= Math.min(section.lastLine, line + after); n++) {
        const context = this.contextLine(n)
        if (context === null) break
        window.push([n, context])
        if (hit.frameLine === 0 && pattern.afterUntil?.test(context)) hit.frameLine = n
        if (hit.frameLine !== 0 && n >= line + afterBase) break
      }
      hit.afterWanted = 0
      settleWindow(hit)
    }
    if (pattern.category === 'security' || pattern.id === 'advisory') {
      for (const id of text.match(ADVISORY_ID) ?? []) {
        if (section.advisorySet.size < MAX_ADVISORIES) section.advisorySet.add(id)
      }
    }
    // new lines (no pattern, not in the green log) are kept apart, the last ones, so they never
    // push a real match out
    const tier =
      pattern === NOVEL_LINE ? section.novel : (section.byTier[match.tier] as ScannedHit[])
    const at = tier.findIndex(h => h.line > line)
    if (at < 0) tier.push(hit)
    else tier.splice(at, 0, hit)
    if (pattern === NOVEL_LINE) {
      if (tier.length > MAX_NOVEL) tier.shift()
    } else if (tier.length > KEEP_FIRST + KEEP_LAST) tier.splice(KEEP_FIRST, 1)
    return hit
  }

  /** A recent line as context: cleaned, or null when gone or the generic exit-code line. */
  private contextLine(line: number): string | null {
    const raw = this.history.raw(line)
    if (raw === null) return null
    const parsed = parseLogLine(raw)
    if (parsed.tag === 'error' && EXIT_CODE_LINE.test(parsed.text)) return null
    return cut(parsed.cleaned)
  }

  // ---------------------------------------------------------------- sections

  private confirmHeader(): void {
    const header = this.pendingHeader
    if (header === null) return
    this.pendingHeader = null
    const section = this.openSection('step', header.title, header.time, header.line)
    section.inHeader = true
  }

  private openSection(
    kind: SectionKind,
    title: string | null,
    time: string | null,
    firstLine: number
  ): SectionState {
    if (this.sections.length > 0) this.closeSection(this.section)
    const section: SectionState = {
      index: this.sections.length,
      kind,
      title,
      startTime: time,
      firstLine,
      lastLine: firstLine,
      exitCode: null,
      terminal: null,
      errorCount: 0,
      hits: [],
      tail: [],
      advisories: [],
      scripted: false,
      scriptExit: false,
      inHeader: false,
      contentFirst: kind === 'setup' ? firstLine : firstLine + 1,
      contentLines: 0,
      byTier: [[], [], [], [], []],
      pending: [],
      advisorySet: new Set(),
      rules: newToolRuleState(),
      headers: { scannedTo: 0, header: null },
      commands: [],
      commandFailures: [],
      commandSet: new Set(),
      failureSet: new Set(),
      novel: []
    }
    this.sections.push(section)
    this.section = section
    this.forceSlow = 0
    return section
  }

  private closeSection(section: SectionState): void {
    for (const hit of section.pending) settleWindow(hit)
    section.pending = []
    if (section.kind === 'setup' || section.kind === 'step') {
      if (section.contentLines > HEAD_FULL_LINES) this.tailPass(section)
      const from = Math.max(section.contentFirst, section.lastLine - TAIL_KEEP + 1)
      for (let n = from; n <= section.lastLine; n++) {
        const context = this.contextLine(n)
        if (context !== null) section.tail.push([n, context])
      }
    }
    section.hits =
      section.novel.length === 0
        ? section.byTier.flat()
        : [...section.byTier.flat(), ...section.novel]
    section.commands = [...section.commandSet].sort((a, b) => a - b).slice(-MAX_COMMANDS)
    section.commandFailures = [...section.failureSet].sort((a, b) => a - b).slice(-MAX_COMMANDS)
    section.advisories = [...section.advisorySet].sort()
    section.byTier = [[], [], [], [], []]
  }

  /** Matches the last lines of a long step in full (the middle only had the keyword search). */
  private tailPass(section: SectionState): void {
    const from = Math.max(
      section.contentFirst + HEAD_FULL_LINES,
      section.lastLine - TAIL_FULL_LINES + 1
    )
    const known = new Set(section.byTier.flat().map(h => h.line))
    const rules = newToolRuleState()
    const saved = this.forceSlow
    for (let n = from; n <= section.lastLine; n++) {
      const raw = this.history.raw(n)
      if (raw === null) continue
      const parsed = parseLogLine(raw)
      noteCommand(section, n, parsed.tag, parsed.cleaned)
      if (parsed.tag !== null && parsed.tag !== 'error') continue
      const text = parsed.tag === null ? parsed.text : parsed.cleaned
      let match = classifyLine(text, parsed.tag === 'error' && parsed.timestamp !== null)
      const rule = matchToolRules(rules, n, text)
      if (rule.match !== null && (match === null || rule.match.tier <= match.tier))
        match = rule.match
      if (this.baseline !== null) match = compareWithGreen(this.baseline, match, text)
      if (match !== null && !known.has(n)) {
        const hit = this.addHit(section, n, text, match, false, rules.tracebackLine)
        if (hit.pattern.id === 'python-traceback-end') rules.tracebackEnd = hit
      }
    }
    this.forceSlow = saved
  }
}
