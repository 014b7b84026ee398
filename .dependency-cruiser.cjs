/**
 * The layers of docs/architecture.md ("Layers") as rules that `npm run lint` (and so CI) enforces.
 * Each rule names what a layer must not import; a new import that breaks one fails the lint.
 * The layer names and folders below are the ones the Mermaid picture in docs/architecture.md
 * shows (test/architecture/layers-doc.test.ts checks that every folder the rules name appears there).
 *
 * Type-only imports count (`tsPreCompilationDeps`): a layer that needs another's types depends
 * on it as much as one that calls it.
 */

/** Folder patterns per layer, from the bottom up. Keep in step with docs/architecture.md. */
const LAYERS = {
  /** The shared vocabulary: types, constants and the few pure functions that define a word. */
  domain: ["src/domain/"],
  /** Pure leaves: the config schema and validation, who is who, safe text, time. */
  leaves: ["src/config/", "src/people/", "src/text/", "src/time/", "src/package-root.ts"],
  /** The ports: GitHub (the only Octokit caller), the database, and once-only effects with the write pacer. */
  ports: ["src/github/", "src/store/", "src/effects/"],
  /** What a job or a handler gets: JobDeps, ItemActivity, the config loader, the log, background work. */
  runtime: ["src/runtime/"],
  /** A delivery recorded as facts in the ledger. */
  ingest: ["src/ingest/"],
  /** Feature handlers, jobs and their pure logic. */
  features: ["src/sla/", "src/welcome/", "src/metrics/", "src/conversion/", "src/commands/"],
  /** What reads every feature's figures: the report and the digest. */
  aggregates: ["src/report/", "src/digest/"],
  /** Entry points and wiring. */
  composition: ["src/main.ts", "src/index.ts", "src/activity-handlers.ts", "src/app/", "src/http/", "src/web/", "src/scheduler/", "src/cli/"],
  /** Development only: the GitHub simulator and the demo. */
  dev: ["src/sandbox/", "src/demo/"],
};

/** One regular expression matching every path of the given layers. */
const path = (...layers) =>
  `^(${layers
    .flatMap((layer) => LAYERS[layer])
    .map((p) => p.replace(/[.]/g, "\\."))
    .join("|")})`;

/** An error-level rule: modules matching `from` must not import modules matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: "error", from, to });

module.exports = {
  forbidden: [
    forbid(
      "no-circular",
      "Modules must not import each other in a loop: a cycle ties layers together and makes load order matter.",
      {},
      { circular: true },
    ),
    forbid(
      "domain-imports-nothing",
      "The vocabulary imports nothing of the app and no package: every layer may import it, so it must sit below all of them.",
      { path: path("domain") },
      { pathNot: path("domain"), dependencyTypesNot: ["core"] },
    ),
    forbid(
      "leaves-import-only-domain",
      "config/, people/, text/ and time/ are pure: they import the vocabulary and each other, never a port, the runtime or a feature.",
      { path: path("leaves") },
      { path: "^src/", pathNot: path("domain", "leaves") },
    ),
    forbid(
      "ports-stay-below-the-runtime",
      "github/, store/ and effects/ are reached by everything above; they must not import the runtime, ingest, features, aggregates, entry points or dev code.",
      { path: path("ports") },
      { path: path("runtime", "ingest", "features", "aggregates", "composition", "dev") },
    ),
    forbid(
      "github-knows-no-table",
      "The GitHub port makes API calls and nothing else: it does not read or write the database.",
      { path: "^src/github/" },
      { path: "^src/store/" },
    ),
    forbid(
      "store-calls-no-api",
      "The store persists facts; it neither calls GitHub nor performs effects.",
      { path: "^src/store/" },
      { path: "^src/(github|effects)/" },
    ),
    forbid(
      "runtime-knows-no-feature",
      "runtime/ is what jobs and handlers are given; it is built from the ports and must not import ingest, features, aggregates, entry points or dev code.",
      { path: path("runtime") },
      { path: path("ingest", "features", "aggregates", "composition", "dev") },
    ),
    forbid(
      "ingest-records-facts-only",
      "ingest/ turns a delivery into ledger facts in the store and makes no API call: no GitHub, no runtime (which carries GitHub clients), no effects, no features.",
      { path: path("ingest") },
      { path: `${path("runtime", "features", "aggregates", "composition", "dev")}|^src/(github|effects)/` },
    ),
    forbid(
      "features-import-no-entry-point",
      "Features do not import the scheduler, the CLI, the HTTP server or the app's wiring: those call the features, not the other way round.",
      { path: path("features", "aggregates") },
      { path: path("composition", "dev") },
    ),
    forbid(
      "features-read-facts-from-the-store",
      "Features read facts from the store (and types from the vocabulary), not from ingest, and never the report or digest that aggregate them.",
      { path: path("features") },
      { path: path("ingest", "aggregates") },
    ),
    forbid(
      "aggregates-read-no-delivery",
      "The report and the digest read figures from the features and the store, never ingest.",
      { path: path("aggregates") },
      { path: path("ingest") },
    ),
    forbid(
      "entry-points-stay-apart",
      "The scheduler and the CLI are separate entry points: neither imports the other, the HTTP server or the process composition (app/).",
      { path: "^src/(scheduler|cli)/" },
      { path: "^src/(scheduler|cli|http|app)/|^src/(main|index|activity-handlers)\\.ts$", pathNot: "^src/$1/" },
    ),
    forbid(
      "dev-code-stays-out-of-production",
      "sandbox/ and demo/ are for tests, benchmarks and `npm run demo`; production code never imports them (the build leaves them out).",
      { path: "^src/", pathNot: path("dev") },
      { path: path("dev") },
    ),
    forbid("src-imports-no-test-code", "Production code does not import tests or benchmarks.", { path: "^src/" }, { path: "^(test|bench)/" }),
    forbid(
      "database-driver-only-in-store",
      "drizzle-orm and the database drivers (better-sqlite3, pg) are the store's business: other layers go through store/ functions, so either engine can stand behind them.",
      { path: "^src/", pathNot: "^src/store/" },
      {
        dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-bundled", "npm-no-pkg"],
        path: "node_modules/(drizzle-orm|better-sqlite3|pg)/",
      },
    ),
    forbid(
      "octokit-only-in-github-and-http",
      "Only the GitHub port (and the HTTP layer that hands clients to it) imports Octokit packages.",
      { path: "^src/", pathNot: `^src/(github|http)/|${path("dev")}` },
      { path: "node_modules/@octokit/" },
    ),
    forbid(
      "production-uses-no-dev-dependency",
      "What `npm start` and the image run (src/ without sandbox/ and demo/) must not need a devDependency at run time; type-only imports are erased and allowed.",
      { path: "^src/", pathNot: path("dev") },
      { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    ),
    forbid(
      "not-to-unresolvable",
      "An import that resolves to nothing fails at run time. Packages that exist only as @types/<name> (imported with `import type`) are listed as exceptions: tsc resolves and checks those, dependency-cruiser cannot.",
      {},
      { couldNotResolve: true, pathNot: "^(mdast)$" },
    ),
    forbid(
      "no-non-package-json",
      "A package used but not in package.json installs by accident or not at all.",
      {},
      { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // ESM packages without a `main` (@octokit/rest, @octokit/graphql) resolve through `exports`.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
