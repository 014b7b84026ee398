import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, resolve } from "node:path";
import ts from "typescript";

/** What a compiled program reaches from its entry files. */
export interface ImportGraph {
  /** Every file reached through relative imports, entries included. */
  files: string[];
  /** Each npm package imported, with the files that import it. */
  packages: Map<string, string[]>;
  /** Relative imports that name no file: they would fail when the code runs. */
  unresolved: Array<{ from: string; specifier: string }>;
}

/**
 * Follows the static imports, re-exports, dynamic `import("...")` with a literal and `require` calls
 * of compiled JavaScript from `entries`, through relative paths, and collects the packages they
 * name. TypeScript's own pre-processor reads the specifiers, so comments and strings cannot fool it.
 */
export function importGraph(entries: string[]): ImportGraph {
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const unresolved: ImportGraph["unresolved"] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = resolve(dirname(file), specifier);
        if (existsSync(target)) queue.push(target);
        else unresolved.push({ from: file, specifier });
        continue;
      }
      const name = packageName(specifier);
      if (name === null) continue;
      packages.set(name, [...(packages.get(name) ?? []), file]);
    }
  }
  return { files: [...seen], packages, unresolved };
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; null for Node's own modules. */
export function packageName(specifier: string): string | null {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}
