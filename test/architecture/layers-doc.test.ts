import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rules live twice: as code in .dependency-cruiser.cjs (what `npm run lint` enforces) and
 * as a picture in docs/architecture.md (what a newcomer reads). These checks keep the two naming the
 * same folders, and make a new folder of src/ join a layer before it can land.
 */
const root = join(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as { forbidden: unknown[] };

/** Every `src/<folder>/` and `src/<file>.ts` the rules name, e.g. `domain/`, `main.ts`. */
function namedInRules(): Set<string> {
  const text = JSON.stringify(config.forbidden).replace(/\\/g, "");
  return new Set([...text.matchAll(/src\/([a-z-]+)(\/|\.ts)/g)].map(([, name, end]) => (end === "/" ? `${name}/` : `${name}.ts`)));
}

/** The Mermaid block of the "Layers" section. */
function layersPicture(): string {
  const doc = readFileSync(join(root, "docs/architecture.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Layers"), doc.indexOf("\n## ", doc.indexOf("## Layers") + 1));
  const picture = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1];
  if (!picture) throw new Error('docs/architecture.md has no Mermaid picture under "## Layers"');
  return picture;
}

describe("the layers of docs/architecture.md", () => {
  it("shows every folder the dependency rules name", () => {
    const picture = layersPicture();
    const missing = [...namedInRules()].filter((name) => !picture.includes(name));
    expect(missing).toEqual([]);
  });

  it("gives every folder and top-level file of src/ a layer in the rules", () => {
    const named = namedInRules();
    const entries = readdirSync(join(root, "src"), { withFileTypes: true })
      .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
      .filter((name) => name.endsWith("/") || name.endsWith(".ts"));
    expect(entries.filter((name) => !named.has(name))).toEqual([]);
  });
});
