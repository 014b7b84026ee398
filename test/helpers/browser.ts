import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "..", "..");
/** Where the browser tests leave their screenshots (ignored by git; CI may keep them). */
export const ARTIFACTS = join(ROOT, "test", "artifacts", "browser");

/** Debian's chromium, or CHROMIUM_PATH; null when neither is there. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => typeof path === "string" && path !== "" && existsSync(path)) ?? null;
}

/**
 * Whether the browser tests run here. On CI (`CI` set) a missing Chromium is a failure, since
 * `.ci/run` installs it; elsewhere the tests are skipped with one line saying how to run them.
 */
export function browserAvailable(): boolean {
  if (chromiumPath() !== null) return true;
  if (process.env.CI) throw new Error("the browser tests need Chromium: apt-get install chromium, or set CHROMIUM_PATH");
  console.warn("Browser tests skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)");
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error("no Chromium: apt-get install chromium, or set CHROMIUM_PATH");
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical findings on the page as it is now. The page's CSP allows no
 * script, so the context must be made with `bypassCSP` for axe to be injected.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
