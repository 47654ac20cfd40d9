import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The emulator listens on 127.0.0.1 port 0; nothing else is reached.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
