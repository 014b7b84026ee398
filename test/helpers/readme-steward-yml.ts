import { readFileSync } from "node:fs";

/** The example steward.yml of the README's "`.github/steward.yml`" section, as the reader sees it. */
export function readmeStewardYml(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("### `.github/steward.yml`"));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error("README.md: no yaml block in the steward.yml section");
  return block;
}
