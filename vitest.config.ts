import { defineConfig } from "vitest/config";

/**
 * Store tests that are about SQLite itself (its migrations, its files, the copy from it) or that
 * already open both engines: the PostgreSQL project does not run them a second time.
 */
const SQLITE_OR_BOTH_ALREADY = [
  "test/store/copy-store.test.ts",
  // SQLite's group commit; what PostgreSQL does with concurrent deliveries is in ledger.test.ts.
  "test/store/ledger-group-commit.test.ts",
  "test/store/member-counters-engines.test.ts",
  "test/store/member-counters-migration.test.ts",
  "test/store/people-migration.test.ts",
  "test/store/postgres-migrations.test.ts",
  "test/store/removal-every-table.test.ts",
  "test/store/schema-parity.test.ts",
  "test/store/table-checksum.test.ts",
];

const postgresLeg = Boolean(process.env.TEST_POSTGRES_URL);

export default defineConfig({
  test: {
    // Vitest's default is one worker per core but one (a single worker on two cores); most test time
    // here is waiting on child processes, HTTP and PostgreSQL, so two files at once on two cores.
    maxWorkers: 2,
    // End-to-end tests start real HTTP servers and processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "sqlite",
          include: ["test/**/*.test.ts"],
          // PostgreSQL's gate first: an unreachable server fails the run before the build is spent.
          globalSetup: ["test/global-setup-postgres.ts", "test/global-setup.ts"],
        },
      },
      // The store tests once more on PostgreSQL (TEST_POSTGRES_URL); without it, the gate above says the leg is skipped.
      ...(postgresLeg
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["test/store/**/*.test.ts"],
                exclude: SQLITE_OR_BOTH_ALREADY,
                env: { STEWARD_TEST_ENGINE: "postgres" },
                globalSetup: ["test/global-setup-postgres.ts"],
                setupFiles: ["test/setup-postgres-cleanup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
