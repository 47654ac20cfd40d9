import { STACK_FRAME, type ErrorPattern } from './pattern.js'

/** The JVM: javac, Maven, Kotlin, Surefire, Gradle, Java exceptions. */
export const JVM_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'javac',
    tool: 'javac',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^\S+\.(?:java|kt|scala):\d+: error: .+/,
    before: 0,
    after: 3,
    keywords: /rror|\.\w+:\d/,
    example: 'src/main/java/app/App.java:3: error: cannot find symbol'
  },
  {
    id: 'maven-compile',
    tool: 'maven',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^\[ERROR\] \S+\.(?:java|kt|scala):\[\d+(?:,\d+)?\] .+/,
    before: 0,
    after: 1,
    keywords: /ERR/,
    example: '[ERROR] /home/runner/work/r/r/src/main/java/app/App.java:[3,5] cannot find symbol'
  },
  {
    id: 'javac-symbol',
    tool: 'javac',
    tier: 1,
    weight: 7,
    category: 'build',
    pattern: /^(?:\[ERROR\])?\s+symbol:\s+(?:class|method|variable|static|constructor|package)\b.+/,
    before: 1,
    after: 1,
    keywords: /ERR/,
    example: '[ERROR]   symbol:   method taxRate(java.lang.String)'
  },
  {
    id: 'kotlin',
    tool: 'kotlin',
    tier: 1,
    weight: 9,
    category: 'build',
    pattern: /^e: (?:file:\/\/)?\S+\.kts?(?::\d+:\d+|: \(\d+, \d+\)):? .+/,
    keywords: /\.\w+:\d|^e: /,
    example: 'e: file:///home/runner/work/r/r/src/main/kotlin/App.kt:3:5 Unresolved reference: foo'
  },
  {
    id: 'surefire-test',
    tool: 'maven',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^\[ERROR\]\s+\w[\w.$]*\.\w+(?::\d+)? (?!Time elapsed)\S.*/,
    before: 0,
    after: 1,
    keywords: /ERR|\.\w+:\d/,
    example: '[ERROR]   AppTest.adds:12 expected: <3> but was: <4>'
  },
  {
    id: 'surefire-class',
    tool: 'maven',
    tier: 1,
    weight: 6,
    category: 'test',
    pattern: /^\[ERROR\] Tests run: .*<<< (?:FAILURE|ERROR)!/,
    before: 0,
    after: 2,
    keywords: /rror|ERR|ail|AIL/,
    example:
      '[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in app.AppTest'
  },
  {
    id: 'maven-goal',
    tool: 'maven',
    tier: 1,
    weight: 5,
    category: 'build',
    pattern: /^\[ERROR\] Failed to execute goal \S+/,
    before: 0,
    after: 0,
    keywords: /ERR|ail/,
    example:
      '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project app: Compilation failure'
  },
  {
    id: 'gradle-test',
    tool: 'gradle',
    tier: 1,
    weight: 10,
    category: 'test',
    pattern: /^\S+ > .+ FAILED$/,
    before: 0,
    after: 2,
    keywords: /AIL|^\S+ > .+ FAILED$/,
    example: 'AppTest > adds() FAILED'
  },
  {
    id: 'gradle-task',
    tool: 'gradle',
    tier: 1,
    weight: 6,
    category: 'build',
    pattern: /^Execution failed for task '[^']+'\.?$/,
    before: 1,
    after: 2,
    keywords: /ail/,
    example: "Execution failed for task ':app:compileJava'."
  },
  {
    id: 'java-exception',
    tool: 'java',
    tier: 1,
    weight: 7,
    category: null,
    afterUntil: STACK_FRAME,
    pattern: /^Exception in thread ".*" \S+/,
    after: 2,
    keywords: /xception/,
    example: 'Exception in thread "main" java.lang.IllegalStateException: boom'
  }
]
