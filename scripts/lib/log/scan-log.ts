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
import {
  ADVISORY_ID,
  EXCEPTION_WRAPPER,
  EXIT_CODE_LINE,
  HOT_PREFILTER_LATIN1,
  MOCHA_FAILING,
  MOCHA_ITEM,
  PATTERNS_BY_ID,
  TRACEBACK_CHAIN,
  TRACEBACK_END,
  TRACEBACK_START,
  classifyLine,
  isBoilerplate,
  matchTerminal,
  type ErrorPattern,
  type LineMatch,
  type Terminal,
  type Tier
} from './error-patterns.js'
import { LineSplitter, decodeLine } from './read-log-lines.js'
import type { SectionInfo, SectionKind } from './split-steps.js'

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
const HISTORY_MAX_BYTES = 32 * 1024 * 1024
/** The step's last lines, for the excerpt when nothing matched. */
const TAIL_KEEP = 30
/** Stored context lines are cut to this many characters. */
const MAX_STORED_CHARS = 2000
/** Advisory ids kept per step. */
const MAX_ADVISORIES = 200
/** How far up an eslint rule line looks for its file name. */
const ANCHOR_SEARCH_LINES = 400

const HASH = 35
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
}

interface Block {
  buf: Buffer
  /** absolute offset where each line starts */
  starts: Int32Array
  count: number
  /** absolute offset just past the block */
  end: number
  firstLine: number
}

/** The most recent blocks of the log, so recent lines can be decoded again. */
class LineHistory {
  private blocks: Block[] = []
  private lines = 0
  private bytes = 0
  /** line-start arrays of dropped blocks, reused (one per chunk would keep the GC busy) */
  private spare: Int32Array[] = []

  open(buf: Buffer, start: number, end: number, firstLine: number): Block {
    const wanted = Math.max(16, ((end - start) >> 5) + 1)
    const reused = this.spare.pop()
    const block: Block = {
      buf,
      starts: reused !== undefined && reused.length >= wanted ? reused : new Int32Array(wanted),
      count: 0,
      end,
      firstLine
    }
    this.blocks.push(block)
    this.bytes += end - start
    return block
  }

  static grow(block: Block): void {
    const grown = new Int32Array(block.starts.length * 2)
    grown.set(block.starts)
    block.starts = grown
  }

  close(block: Block): void {
    this.lines += block.count
    // drop old blocks while the rest still holds enough lines, or when over the byte budget
    while (this.blocks.length > 1) {
      const oldest = this.blocks[0] as Block
      const overLines = this.lines - oldest.count >= HISTORY_LINES
      const overBytes = this.bytes > HISTORY_MAX_BYTES
      if (!overLines && !overBytes) break
      this.blocks.shift()
      this.lines -= oldest.count
      this.bytes -= oldest.end - (oldest.starts[0] ?? oldest.end)
      if (this.spare.length < 4) this.spare.push(oldest.starts)
    }
  }

  /** The raw text of a recent line, or null when it is no longer kept. */
  raw(line: number): string | null {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i] as Block
      if (line < block.firstLine) continue
      const index = line - block.firstLine
      if (index >= block.count) return null
      const start = block.starts[index] as number
      const next = index + 1 < block.count ? (block.starts[index + 1] as number) : block.end
      const end = block.buf[next - 1] === 10 ? next - 1 : next
      return decodeLine(block.buf, start, end)
    }
    return null
  }
}

/**
 * Where the next keyword hit is, searching the block in 16 KiB latin1 windows (latin1 keeps
 * byte offsets). One string per 1 MiB chunk would sit in V8's large-object space; 64 KiB
 * windows made V8 grow its young generation to the maximum: measured peak RSS on a 1 GiB log
 * 92 MiB with 64 KiB windows, 74 MiB with 16 KiB, same speed. Windows overlap by a few bytes
 * so a keyword across a window edge is still found.
 */
class HotSearch {
  private windowStart: number
  private windowEnd: number
  private text: string

  constructor(
    private readonly buf: Buffer,
    start: number,
    private readonly end: number
  ) {
    this.windowStart = start
    this.windowEnd = Math.min(end, start + HOT_WINDOW)
    this.text = buf.toString('latin1', start, Math.min(end, this.windowEnd + HOT_OVERLAP))
  }

  /** The absolute offset of the first keyword at or after `from`, or `end`. */
  next(from: number): number {
    const re = HOT_PREFILTER_LATIN1
    while (true) {
      if (from < this.windowEnd + HOT_OVERLAP) {
        re.lastIndex = Math.max(0, from - this.windowStart)
        const match = re.exec(this.text)
        if (match !== null) return this.windowStart + match.index
      }
      if (this.windowEnd >= this.end) return this.end
      this.windowStart = this.windowEnd
      this.windowEnd = Math.min(this.end, this.windowStart + HOT_WINDOW)
      this.text = this.buf.toString(
        'latin1',
        this.windowStart,
        Math.min(this.end, this.windowEnd + HOT_OVERLAP)
      )
    }
  }
}

const HOT_WINDOW = 16 * 1024
const HOT_OVERLAP = 16

interface SectionState extends ScannedSection {
  inHeader: boolean
  contentFirst: number
  contentLines: number
  byTier: ScannedHit[][]
  pending: ScannedHit[]
  advisorySet: Set<string>
  traceback: boolean
  /** where the current Python traceback started */
  tracebackLine: number
  /** the exception line that ended the last traceback, while a chain may still follow it */
  tracebackEnd: ScannedHit | null
  mocha: boolean
  anchorScannedTo: number
  anchor: [number, string] | null
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

export class LogScanner {
  private readonly splitter: LineSplitter
  private readonly history = new LineHistory()
  private readonly sections: SectionState[] = []
  private section: SectionState
  private lineNo = 0
  private seenTimestamp = false
  private phase: 'main' | 'post' | 'complete' = 'main'
  private pendingHeader: { line: number; title: string; time: string | null } | null = null
  /** lines still to be decoded whatever the prefilter says (context, tracebacks) */
  private forceSlow = 0
  private ended: ScanResult | null = null

  constructor() {
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
        scriptExit: s.scriptExit
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
      const stateful = this.stateful(section, line, text)
      if (stateful !== null && (match === null || stateful.tier <= match.tier)) match = stateful
    }
    if (match !== null) {
      const hit = this.addHit(section, line, text, match, true, section.tracebackLine)
      if (hit.pattern.id === 'python-traceback-end') section.tracebackEnd = hit
    }
  }

  /** The traceback and mocha rules: they depend on earlier lines of the step. */
  private stateful(
    section: {
      traceback: boolean
      tracebackLine: number
      tracebackEnd: ScannedHit | null
      mocha: boolean
    },
    line: number,
    text: string
  ): LineMatch | null {
    if (TRACEBACK_START.test(text)) {
      section.traceback = true
      section.tracebackLine = line
      this.forceSlow = Math.max(this.forceSlow, 400)
      return null
    }
    if (section.traceback) {
      if (text === '' || /^\s/.test(text)) return null
      if (
        /^(?:During handling of the above exception|The above exception was the direct cause)/.test(
          text
        )
      )
        return null
      section.traceback = false
      if (TRACEBACK_END.test(text)) {
        // a harness's `RuntimeError: test_x failed!` ranks below the error it restates
        const id = EXCEPTION_WRAPPER.test(text) ? 'exception-wrapper' : 'python-traceback-end'
        const pattern = PATTERNS_BY_ID.get(id)
        if (pattern) return { pattern, tier: pattern.tier, terminal: null }
      }
      return null
    }
    if (section.tracebackEnd !== null && TRACEBACK_CHAIN.test(text)) {
      // the exception above is the cause of the next one, which Python reports
      const cause = PATTERNS_BY_ID.get('python-traceback-cause')
      if (cause && line - section.tracebackEnd.line <= 3) section.tracebackEnd.pattern = cause
      section.tracebackEnd = null
    }
    if (MOCHA_FAILING.test(text)) {
      section.mocha = true
      this.forceSlow = Math.max(this.forceSlow, 600)
      return null
    }
    if (section.mocha && MOCHA_ITEM.test(text)) {
      const pattern = PATTERNS_BY_ID.get('mocha-test')
      if (pattern) return { pattern, tier: pattern.tier, terminal: null }
    }
    return null
  }

  private feedPending(section: SectionState, line: number, text: string | null): void {
    if (section.pending.length === 0) return
    for (const hit of section.pending) {
      if (text === null) {
        hit.afterWanted = 0
        continue
      }
      if (hit.afterWanted <= 0) continue
      hit.window.push([line, cut(text)])
      hit.afterWanted--
      if (hit.frameLine === 0 && hit.pattern.afterUntil?.test(text)) hit.frameLine = line
      if (hit.frameLine !== 0 && line >= hit.line + hit.afterBase) hit.afterWanted = 0
    }
    const done = section.pending.filter(h => h.afterWanted <= 0)
    for (const hit of done) settleWindow(hit)
    section.pending = section.pending.filter(h => h.afterWanted > 0)
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
      anchor: pattern.fileLineAbove ? this.findAnchor(section, line, pattern.fileLineAbove) : null
    }
    if (online) {
      if (after > 0) {
        section.pending.push(hit)
        this.forceSlow = Math.max(this.forceSlow, after + 1)
      }
    } else {
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
    const tier = section.byTier[match.tier] as ScannedHit[]
    const at = tier.findIndex(h => h.line > line)
    if (at < 0) tier.push(hit)
    else tier.splice(at, 0, hit)
    if (tier.length > KEEP_FIRST + KEEP_LAST) tier.splice(KEEP_FIRST, 1)
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

  /** The nearest line above that names the file (eslint stylish prints it once per file). */
  private findAnchor(
    section: SectionState,
    line: number,
    pattern: RegExp
  ): [number, string] | null {
    const floor = Math.max(
      section.contentFirst,
      line - ANCHOR_SEARCH_LINES,
      section.anchorScannedTo + 1
    )
    for (let n = line - 1; n >= floor; n--) {
      const context = this.contextLine(n)
      if (context !== null && pattern.test(context.trim())) {
        section.anchor = [n, context]
        break
      }
    }
    section.anchorScannedTo = Math.max(section.anchorScannedTo, line)
    if (section.anchor !== null && section.anchor[0] < line - ANCHOR_SEARCH_LINES)
      section.anchor = null
    return section.anchor
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
      traceback: false,
      tracebackLine: 0,
      tracebackEnd: null,
      mocha: false,
      anchorScannedTo: 0,
      anchor: null
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
    section.hits = section.byTier.flat()
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
    const state = {
      traceback: false,
      tracebackLine: 0,
      tracebackEnd: null as ScannedHit | null,
      mocha: false
    }
    const saved = this.forceSlow
    for (let n = from; n <= section.lastLine; n++) {
      const raw = this.history.raw(n)
      if (raw === null) continue
      const parsed = parseLogLine(raw)
      if (parsed.tag !== null && parsed.tag !== 'error') continue
      const text = parsed.tag === null ? parsed.text : parsed.cleaned
      let match = classifyLine(text, parsed.tag === 'error' && parsed.timestamp !== null)
      const stateful = this.stateful(state, n, text)
      if (stateful !== null && (match === null || stateful.tier <= match.tier)) match = stateful
      if (match !== null && !known.has(n)) {
        const hit = this.addHit(section, n, text, match, false, state.tracebackLine)
        if (hit.pattern.id === 'python-traceback-end') state.tracebackEnd = hit
      }
    }
    this.forceSlow = saved
  }
}
