import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PostgreSQL's gate first: an unreachable server fails the run before the build is spent.
    globalSetup: ["test/global-setup-postgres.ts", "test/global-setup.ts"],
    // End-to-end tests start real HTTP servers and processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
