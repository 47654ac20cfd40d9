import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import {
  LineSplitter,
  MAX_LINE_BYTES,
  decodeLine,
  forEachLine,
  keptLineEnd,
  readLogLines
} from '../../../scripts/lib/log/read-log-lines.js'
import { chunked } from './make-log.js'

/** The decoded lines the splitter produces for the given chunks. */
function split(chunks: (Uint8Array | string)[]): string[] {
  const lines: string[] = []
  const splitter = new LineSplitter((buf, start, end) =>
    forEachLine(buf, start, end, (b, s, e) => lines.push(decodeLine(b, s, e)))
  )
  for (const chunk of chunks) splitter.write(chunk)
  splitter.end()
  return lines
}

async function collect(
  chunks: (Uint8Array | string)[]
): Promise<{ line: number; cleaned: string; continuation: boolean }[]> {
  const out = []
  for await (const l of readLogLines(chunks))
    out.push({ line: l.line, cleaned: l.cleaned, continuation: l.continuation })
  return out
}

const SAMPLE = [
  '\uFEFF2024-10-08T13:24:44.9714395Z first ✓ é 漢字 😀',
  '2024-10-08T13:24:45.0000000Z \x1b[31msecond\x1b[0m\r',
  'continuation without timestamp',
  '\uFEFF2024-10-08T13:24:45.1000000Z bom in the middle',
  '2024-10-08T13:24:45.2000000Z ##[error]last'
].join('\n')

describe('LineSplitter', () => {
  it('gives identical lines for a chunk boundary at every byte offset', () => {
    const bytes = Buffer.from(SAMPLE, 'utf8')
    const whole = split([bytes])
    expect(whole).toHaveLength(5)
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(split([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole)
    }
  })

  it('gives identical lines for one-byte and ragged chunks', () => {
    const bytes = Buffer.from(`${SAMPLE}\n`, 'utf8')
    const whole = split([bytes])
    expect(split(chunked(bytes, [1]))).toEqual(whole)
    expect(split(chunked(bytes, [3, 7, 1, 13, 2]))).toEqual(whole)
  })

  it('drops the \\r of CRLF, also when \\r and \\n are in different chunks', () => {
    expect(split(['a\r', '\nb\r\n'])).toEqual(['a', 'b'])
  })

  it('keeps a last line without newline, and nothing for an empty input', () => {
    expect(split(['a\nb'])).toEqual(['a', 'b'])
    expect(split([])).toEqual([])
    expect(split(['a\n'])).toEqual(['a'])
  })

  it('turns invalid UTF-8 into U+FFFD', () => {
    expect(split([Buffer.from([0x61, 0xff, 0x62, 0x0a, 0xc3, 0x0a])])).toEqual([
      'a\uFFFDb',
      '\uFFFD'
    ])
  })

  it('keeps a 5 MB line as one line, cut to MAX_LINE_BYTES, in any chunking', () => {
    const long = 'x'.repeat(5 * 1024 * 1024)
    const bytes = Buffer.from(`before\n${long}\nafter\n`)
    for (const lines of [
      split([bytes]),
      split(chunked(bytes, [65536])),
      split(chunked(bytes, [1000, 77777]))
    ]) {
      expect(lines).toHaveLength(3)
      expect(lines[0]).toBe('before')
      expect(lines[1]).toBe('x'.repeat(MAX_LINE_BYTES))
      expect(lines[2]).toBe('after')
    }
  })

  it('does not cut a long line inside a UTF-8 sequence', () => {
    const long = `${'a'.repeat(MAX_LINE_BYTES - 1)}é${'b'.repeat(10)}`
    const [line] = split([`${long}\n`])
    expect(line).toBe('a'.repeat(MAX_LINE_BYTES - 1))
    expect(line).not.toContain('\uFFFD')
  })

  it('counts bytes', () => {
    const splitter = new LineSplitter(() => {})
    splitter.write('abc\n')
    splitter.write(Buffer.from('é'))
    expect(splitter.bytes).toBe(6)
  })
})

describe('keptLineEnd', () => {
  it.each([
    ['abc', 3],
    ['abc\r', 3]
  ])('%j → %i', (text, end) => {
    const buf = Buffer.from(text)
    expect(keptLineEnd(buf, 0, buf.length)).toBe(end)
  })
})

describe('readLogLines', () => {
  it('numbers lines, strips BOMs (start and mid-file), and marks continuation lines', async () => {
    const lines = await collect([SAMPLE])
    expect(lines).toEqual([
      { line: 1, cleaned: 'first ✓ é 漢字 😀', continuation: false },
      { line: 2, cleaned: 'second', continuation: false },
      { line: 3, cleaned: 'continuation without timestamp', continuation: true },
      { line: 4, cleaned: 'bom in the middle', continuation: false },
      { line: 5, cleaned: 'last', continuation: false }
    ])
  })

  it('treats lines of a log without timestamps as ordinary lines', async () => {
    const lines = await collect(['a\nb\n'])
    expect(lines.map(l => l.continuation)).toEqual([false, false])
  })
})
