import { describe, expect, it } from 'vitest'
import { findReferences } from '../../../scripts/lib/untrusted/find-references.js'

describe('findReferences', () => {
  it.each([
    [
      '@a b @c',
      {},
      [
        [0, 2],
        [5, 7]
      ]
    ],
    ['mail a@b.com', {}, []],
    ['mail a@b.com', { links: true }, [[5, 12]]],
    ['see https://example.com/x.', { links: true }, [[4, 26]]],
    ['www.example.com', { links: true }, [[0, 15]]],
    ['#1#2 x', {}, [[0, 4]]]
  ])('%j %j', (text, options, expected) => {
    expect(findReferences(text, options).map(r => [r.start, r.end])).toEqual(expected)
  })
})
