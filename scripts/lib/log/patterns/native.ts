import type { ErrorPattern } from './pattern.js'

/** C and C++: gcc, clang and MSVC diagnostics, linkers, ninja, CMake. */
export const NATIVE_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'cc-error',
    tool: 'gcc',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^\S.*?:\d+(?::\d+)?: (?:fatal )?error: .+/,
    before: 1,
    after: 3,
    keywords: /rror|\.\w+:\d/,
    example: "main.c:3:5: error: use of undeclared identifier 'x'"
  },
  {
    id: 'msvc-error',
    tool: 'msvc',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /\(\d+(?:,\d+)?\): (?:fatal )?error [A-Z]+\d+: /,
    keywords: /rror/,
    example: "foo.cpp(12): error C2065: 'x': undeclared identifier"
  },
  {
    id: 'linker',
    tool: 'ld',
    tier: 1,
    weight: 8,
    category: 'build',
    pattern:
      /undefined reference to [`'‘]|^Undefined symbols for architecture |^ld(?:\.lld)?: error: /,
    before: 1,
    after: 1,
    keywords: /ndefined|Undefined/,
    example: "main.c:(.text+0x15): undefined reference to `helper'"
  },
  {
    id: 'ninja-failed',
    tool: 'ninja',
    tier: 1,
    // the target that failed; a compiler or linker diagnostic under it (9, 8) says why
    weight: 7,
    category: 'build',
    pattern: /^FAILED: (?:\[code=\d+\] )?\S/,
    before: 0,
    after: 3,
    keywords: /AIL/,
    example: 'FAILED: [code=1] src/CMakeFiles/app.dir/main.c.o'
  },
  {
    id: 'cmake',
    tool: 'cmake',
    tier: 1,
    weight: 7,
    category: 'build',
    pattern: /^\s*CMake Error(?: at \S+:\d+(?: \([\w-]+\))?)?:/,
    before: 0,
    after: 4,
    keywords: /rror|\.\w+:\d/,
    example: 'CMake Error at CMakeLists.txt:12 (find_package):'
  }
]
