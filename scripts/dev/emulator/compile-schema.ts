import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Ajv, ValidateFunction } from 'ajv'
import type addFormatsModule from 'ajv-formats'
import type standaloneModule from 'ajv/dist/standalone/index.js'
import type { JsonSchema } from './openapi-subset.js'
import { OF_KEYWORD, toAjvSchema, UNRESOLVABLE_REF, type SchemaFlavour } from './to-ajv-schema.js'

const require = createRequire(import.meta.url)
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version

// strict stays on for unknown keywords, so a keyword the conversion missed fails loudly;
// strictTypes would only nag about OpenAPI's untyped schemas. verbose puts the failing schema in
// each error, which checkSchema needs to explain a failed anyOf.
const options = {
  allErrors: true,
  verbose: true,
  messages: false,
  inlineRefs: false,
  validateSchema: false,
  strictTypes: false,
  strictRequired: false
} as const

/** Whatever changes the generated code: the versions and the options. */
const generatorKey = JSON.stringify([versionOf('ajv'), versionOf('ajv-formats'), options])

/**
 * Compiled validators are kept on disk as ajv's standalone modules, keyed by a hash of the
 * converted schema, its definitions and the generator: code generation costs up to 0.1 s for
 * the big response schemas (a repository object is ~400 kB of code), and each vitest worker is a
 * fresh process. Loading a generated module takes a few milliseconds and needs only ajv's small
 * runtime, so ajv's compiler itself is loaded only on a miss.
 */
const cacheDir = fileURLToPath(
  new URL('../../../node_modules/.cache/log-bugs-ajv/', import.meta.url)
)

interface Compiler {
  definitions: Record<SchemaFlavour, Record<string, unknown>>
  /** The hash of the converted definitions, per flavour, part of every cache key. */
  definitionsHash: Record<SchemaFlavour, string>
  validators: WeakMap<JsonSchema, Partial<Record<SchemaFlavour, ValidateFunction>>>
  branches: Map<string, ValidateFunction>
  ajv?: Ajv
}

// One compiler per definitions table (in practice the subset's, read once per process).
const compilers = new WeakMap<Record<string, JsonSchema>, Compiler>()

/**
 * The ajv validator for a schema of the OpenAPI subset (see toAjvSchema), compiled once per
 * process and schema object, or loaded from the disk cache.
 */
export function compileSchema(
  schema: JsonSchema,
  flavour: SchemaFlavour,
  definitions: Record<string, JsonSchema>
): ValidateFunction {
  const compiler = compilerFor(definitions)
  const cached = compiler.validators.get(schema) ?? {}
  let validate = cached[flavour]
  if (!validate) {
    validate = cachedOnDisk(compiler, toAjvSchema(schema, flavour, definitions), flavour)
    compiler.validators.set(schema, { ...cached, [flavour]: validate })
  }
  return validate
}

/** A validator for one anyOf branch as ajv reported it; only compiled to explain a failure. */
export function compileBranch(
  branch: unknown,
  definitions: Record<string, JsonSchema>
): ValidateFunction {
  const compiler = compilerFor(definitions)
  const key = JSON.stringify(branch)
  let validate = compiler.branches.get(key)
  if (!validate) {
    validate = ajvOf(compiler).compile(branch as object)
    compiler.branches.set(key, validate)
  }
  return validate
}

function compilerFor(definitions: Record<string, JsonSchema>): Compiler {
  let compiler = compilers.get(definitions)
  if (compiler) return compiler
  const convert = (flavour: SchemaFlavour): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(definitions).map(([name, s]) => [name, toAjvSchema(s, flavour, definitions)])
    )
  const converted = { open: convert('open'), closed: convert('closed') }
  compiler = {
    definitions: converted,
    definitionsHash: {
      open: hash(JSON.stringify(converted.open)),
      closed: hash(JSON.stringify(converted.closed))
    },
    validators: new WeakMap(),
    branches: new Map()
  }
  compilers.set(definitions, compiler)
  return compiler
}

function ajvOf(compiler: Compiler): Ajv {
  if (compiler.ajv) return compiler.ajv
  const { Ajv, _ } = require('ajv') as typeof import('ajv')
  // CommonJS with `exports.default`: require gives the plugin itself.
  const addFormats = require('ajv-formats') as typeof addFormatsModule.default
  const ajv = new Ajv({
    ...options,
    code: {
      source: true,
      optimize: false,
      // The generated modules load the same format checks at run time.
      formats: _`require("ajv-formats/dist/formats").fullFormats`
    }
  })
  addFormats(ajv)
  ajv.addKeyword({ keyword: OF_KEYWORD, schemaType: 'string' })
  ajv.addKeyword({ keyword: UNRESOLVABLE_REF, schemaType: 'string' })
  for (const flavour of ['open', 'closed'] as const) {
    ajv.addSchema({ $id: flavour, definitions: compiler.definitions[flavour] })
  }
  compiler.ajv = ajv
  return ajv
}

function cachedOnDisk(
  compiler: Compiler,
  schema: Record<string, unknown>,
  flavour: SchemaFlavour
): ValidateFunction {
  const key = hash(
    `${generatorKey}\n${compiler.definitionsHash[flavour]}\n${JSON.stringify(schema)}`
  )
  const file = join(cacheDir, `${key}.cjs`)
  if (existsSync(file)) return require(file) as ValidateFunction
  const ajv = ajvOf(compiler)
  const validate = ajv.compile(schema)
  try {
    const standaloneCode = require('ajv/dist/standalone') as typeof standaloneModule.default
    mkdirSync(cacheDir, { recursive: true })
    // Written aside and renamed, so a parallel worker never loads half a file.
    const partial = `${file}.${process.pid}.tmp`
    writeFileSync(partial, standaloneCode(ajv, validate))
    renameSync(partial, file)
  } catch {
    // A read-only node_modules only costs the compile time; the validator is the same.
  }
  return validate
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}
