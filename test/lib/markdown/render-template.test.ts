import { describe, expect, it } from 'vitest'
import { renderTemplate } from '../../../scripts/lib/markdown/render-template.js'

describe('renderTemplate', () => {
  it.each([
    ['Hello {{name}}!', { name: 'Ada' }, 'Hello Ada!'],
    ['{{ spaced }}', { spaced: 'ok' }, 'ok'],
    ['{{#on}}shown{{/on}}{{#off}}hidden{{/off}}', { on: 'x', off: '' }, 'shown'],
    ['{{^off}}fallback{{/off}}', { off: '' }, 'fallback'],
    ['{{^on}}fallback{{/on}}', { on: 'yes' }, ''],
    ['{{#rows}}[{{n}}]{{/rows}}', { rows: [{ n: 1 }, { n: 2 }] }, '[1][2]'],
    ['{{#rows}}{{outer}}{{n}};{{/rows}}', { outer: 'o', rows: [{ n: 1 }] }, 'o1;'],
    ['{{^rows}}none{{/rows}}', { rows: [] }, 'none'],
    ['{{#a}}{{#a}}twice{{/a}}{{/a}}', { a: true }, 'twice'],
    ['{{n}}', { n: 0 }, '0']
  ])('%j', (template, view, expected) => {
    expect(renderTemplate(template, view)).toBe(expected)
  })

  it('does not re-expand tags found in values', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}')
  })

  it('reports unknown names instead of failing', () => {
    const unknown = new Set<string>()
    expect(renderTemplate('x{{typo}}y', {}, unknown)).toBe('xy')
    expect([...unknown]).toEqual(['typo'])
  })
})
