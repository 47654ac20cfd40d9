export interface Fence {
  char: '`' | '~'
  length: number
}

export interface MarkdownLine {
  text: string
  /** the line ending that followed it in the source: '\n', '\r\n', '\r' or '' for the last line */
  eol: string
  /** true for a fenced code block's lines, its opening and closing fences included */
  fenced: boolean
}

// As CommonMark at the top level: an opening fence is 3+ backticks (with no backtick in its info
// string) or 3+ tildes after at most `maxIndent` spaces; the block ends at a line of at least as
// many of the same character after ≤ 3 spaces, or at the end of the text (then `unclosed`).

/** Splits markdown into lines and marks those of fenced code blocks, fences included. */
export function readFences(
  text: string,
  maxIndent: 0 | 1 | 2 | 3 = 3
): { lines: MarkdownLine[]; unclosed: Fence | null } {
  const opening = new RegExp(`^ {0,${maxIndent}}(\`{3,}|~{3,})(.*)$`)
  const lines: MarkdownLine[] = []
  let fence: Fence | null = null
  for (const { text: line, eol } of splitLines(text)) {
    if (fence !== null) {
      lines.push({ text: line, eol, fenced: true })
      if (closes(line, fence)) fence = null
      continue
    }
    const open = opening.exec(line)
    const run = open?.[1]
    if (run !== undefined && !(run[0] === '`' && (open?.[2] ?? '').includes('`'))) {
      fence = { char: run[0] === '`' ? '`' : '~', length: run.length }
      lines.push({ text: line, eol, fenced: true })
      continue
    }
    lines.push({ text: line, eol, fenced: false })
  }
  return { lines, unclosed: fence }
}

function closes(line: string, fence: Fence): boolean {
  const indent = /^ {0,3}/.exec(line)?.[0].length ?? 0
  let end = indent
  while (line[end] === fence.char) end += 1
  return end - indent >= fence.length && /^[ \t]*$/.test(line.slice(end))
}

function splitLines(text: string): { text: string; eol: string }[] {
  const lines: { text: string; eol: string }[] = []
  const ending = /\r\n|\r|\n/g
  let start = 0
  let found: RegExpExecArray | null
  while ((found = ending.exec(text)) !== null) {
    lines.push({ text: text.slice(start, found.index), eol: found[0] })
    start = found.index + found[0].length
  }
  lines.push({ text: text.slice(start), eol: '' })
  return lines
}
