import type { ErrorPattern } from './pattern.js'

/** Security audits: npm audit, advisory ids, pip-audit, safety. */
export const AUDITS_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'npm-audit',
    tool: 'npm-audit',
    tier: 1,
    weight: 8,
    category: 'security',
    pattern:
      /^(?:found )?[1-9]\d* (?:\w+ )?(?:severity )?vulnerabilit(?:y|ies)(?: \(.*\))?$|^# npm audit report$/,
    before: 0,
    after: 0,
    keywords: /ulnerab|vulnerab/,
    example: '3 vulnerabilities (1 moderate, 2 high)'
  },
  {
    id: 'advisory',
    tool: 'audit',
    tier: 1,
    weight: 9,
    category: 'security',
    pattern:
      /\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,}|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4})\b/,
    before: 1,
    after: 0,
    keywords: /GHSA-|CVE-|PYSEC-|RUSTSEC-|GO-\d/,
    example: 'Prototype Pollution in lodash - https://github.com/advisories/GHSA-p6mc-m468-83gw'
  },
  {
    id: 'pip-audit',
    tool: 'pip-audit',
    tier: 1,
    weight: 8,
    category: 'security',
    pattern: /^Found \d+ known vulnerabilit(?:y|ies) in \d+ packages?/,
    after: 4,
    keywords: /ulnerab|vulnerab/,
    example: 'Found 2 known vulnerabilities in 1 package'
  },
  {
    id: 'safety',
    tool: 'safety',
    tier: 1,
    weight: 8,
    category: 'security',
    pattern: /^\s*-> Vulnerability found in \S+ version \S+/,
    after: 2,
    keywords: /ulnerab|found/,
    example: '-> Vulnerability found in jinja2 version 3.1.2'
  }
]
