/**
 * Test runner settings. vitest's default is one worker fewer than the CPUs — on CI's two cores a
 * single worker, with the e2e and CLI suites idling on child processes most of their time; two
 * workers overlap that waiting (measured on 2 cores: the suite 266 s → 151 s, same results).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    maxWorkers: 2,
    // A fresh PostgreSQL schema runs every migration in beforeEach: on a loaded 2-core machine that
    // once took more than vitest's default 10 s for hooks (test/fleet/fleet-fetch.test.ts).
    hookTimeout: 60_000,
  },
});
