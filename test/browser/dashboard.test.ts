import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium, screenshot, seriousAccessibilityViolations } from "../helpers/browser.js";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually, type StewardProcess } from "../helpers/steward-process.js";

const REPO = "acme/widget";

/**
 * The dashboard as a maintainer uses it: `node dist/src/main.js` configured by environment
 * variables alone, the sandbox GitHub in its own process (its sign-in page included), and Debian's
 * Chromium driven through every page. Screenshots go to test/artifacts/browser/.
 */
describe.runIf(browserAvailable())("the dashboard in a real browser", () => {
  let world: ProductionWorld;
  let steward: StewardProcess;
  let browser: Browser;
  let installationId: number;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.seedDemo({});
    steward = await world.startSteward("node dist/src/main.js", {
      GITHUB_CLIENT_ID: world.sandbox.clientId,
      GITHUB_CLIENT_SECRET: world.sandbox.clientSecret,
      STEWARD_SCHEDULES: "*=off",
    });
    const installed = await world.github.installations.install("acme");
    installationId = installed.record.id;
    await eventually(
      "the backfill to finish",
      () => {
        const unfinished = world.query<{ n: number }>("select count(*) as n from backfill_state where status != 'done'")[0]!.n;
        const any = world.query<{ n: number }>("select count(*) as n from backfill_state")[0]!.n;
        return any > 0 && unfinished === 0;
      },
      60_000,
    );
    await world.github.activity.openIssue(REPO, {
      user: "lena-globex",
      title: "Enterprise license <b>with SSO</b>?",
      body: "We need an enterprise plan with SSO.",
    });
    const customer = await world.cli(["customers", "add", "--repo", REPO, "--company", "Initech", "--plan", "enterprise", "--mrr", "500"]);
    expect(customer.code, customer.stderr).toBe(0);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** A fresh browser profile; CSP is bypassed only so axe-core can be injected to check the pages. */
  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    return { context, page: await context.newPage() };
  }

  async function signIn(page: Page, login: string): Promise<void> {
    await page.goto(`${steward.url}/dashboard`);
    await page.getByRole("link", { name: "Sign in with GitHub" }).click();
    // The sandbox's own sign-in page, as GitHub's would be.
    await page.getByLabel("Username").fill(login);
    await page.getByRole("button", { name: /Authorize/ }).click();
    await page.waitForURL(`${steward.url}/dashboard**`);
  }

  async function expectAccessible(page: Page): Promise<void> {
    const violations = await seriousAccessibilityViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  }

  it("signs a maintainer in and shows the overview, the repository page and the leads' CSV", async () => {
    const { context, page } = await newPage();
    await page.goto(`${steward.url}/dashboard`);
    await screenshot(page, "01-sign-in");
    await expectAccessible(page);

    await signIn(page, "maya");
    expect(page.url()).toBe(`${steward.url}/dashboard`);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "steward_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    await expect(page.content()).resolves.toContain("maya");
    await screenshot(page, "02-home");
    await expectAccessible(page);

    await page.getByRole("link", { name: /acme/ }).first().click();
    expect(page.url()).toBe(`${steward.url}/dashboard/installations/${installationId}`);
    const overview = page.getByRole("table");
    await expect(overview.getByRole("link", { name: REPO }).count()).resolves.toBe(1);
    const row = (await overview.getByRole("row", { name: new RegExp(REPO) }).textContent()) ?? "";
    expect(row).toMatch(/\d/);
    await screenshot(page, "03-overview");
    await expectAccessible(page);

    await overview.getByRole("link", { name: REPO }).click();
    expect(page.url()).toBe(`${steward.url}/dashboard/repos/acme/widget`);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const heading of ["Response", "Waiting now", "Contributors", "Milestones", "Conversion funnel", "Leads", "Customers"]) {
      await expect(page.getByRole("heading", { name: heading, exact: true, level: 2 }).count(), heading).resolves.toBe(1);
    }
    // The lead's issue title is shown as text, never as markup.
    expect(text).toContain("Enterprise license <b>with SSO</b>?");
    expect(text).toContain("lena-globex");
    expect(text).toContain("Initech");
    await expect(page.locator("main svg[role=img]").count()).resolves.toBeGreaterThanOrEqual(2);
    await screenshot(page, "04-repository");
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "05-repository-phone");
    await page.emulateMedia({ colorScheme: "dark" });
    await screenshot(page, "06-repository-dark");
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
    const csv = await streamText(await download.createReadStream());
    expect(csv.split("\r\n")[0]).toBe("login,company,status,signals,terms,first_seen,last_seen,item_number,item_url");
    expect(csv).toContain("lena-globex");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${steward.url}/dashboard`);
    await expect(page.getByRole("link", { name: "Sign in with GitHub" }).count()).resolves.toBe(1);
    expect((await context.cookies()).some((c) => c.name === "steward_session")).toBe(false);
    await screenshot(page, "07-signed-out");
    // Signed out, a repository's page asks for sign-in first.
    await page.goto(`${steward.url}/dashboard/repos/acme/widget`);
    await expect(page.getByRole("link", { name: "Sign in with GitHub" }).count()).resolves.toBe(1);
    await context.close();
  });

  it("shows a user without admin or maintain permission nothing, and 404 for the repository", async () => {
    const { context, page } = await newPage();
    await signIn(page, "ada");
    await screenshot(page, "08-no-permission-home");
    await expectAccessible(page);
    expect((await page.locator("main").textContent()) ?? "").not.toContain(REPO);
    for (const path of [
      "/dashboard/repos/acme/widget",
      `/dashboard/installations/${installationId}`,
      "/dashboard/repos/acme/widget/leads.csv",
      "/dashboard/repos/acme/nothing",
    ]) {
      const response = await page.goto(`${steward.url}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    await screenshot(page, "09-not-found");
    await expectAccessible(page);
    await context.close();
  });

  it("refuses a sign-out posted without the session's CSRF token, and a sign-in returning with a foreign state", async () => {
    const { context, page } = await newPage();
    await signIn(page, "omar");
    await page.goto(`${steward.url}/dashboard/repos/acme/widget`);
    expect((await page.locator("h1").textContent()) ?? "").toContain(REPO);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const forged = await fetch(`${steward.url}/dashboard/sign-out`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "csrf=forged",
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    const fromElsewhere = await fetch(`${steward.url}/dashboard/sign-out`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "csrf=forged",
      redirect: "manual",
    });
    expect(fromElsewhere.status).toBe(403);
    // Still signed in after both.
    expect((await page.goto(`${steward.url}/dashboard/repos/acme/widget`))?.status()).toBe(200);
    const callback = await fetch(`${steward.url}/dashboard/callback?code=anything&state=not-ours`, { redirect: "manual" });
    expect(callback.status).toBe(400);
    await context.close();
  });

  it("applies the page's own stylesheet under its Content-Security-Policy, and nothing else", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page, "maya");
    const response = await page.goto(`${steward.url}/dashboard/repos/acme/widget`);
    expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'none'; style-src 'sha256-/);
    // The stylesheet set the body's margin to 0 (a browser's default is 8px): its hash was accepted.
    expect(await page.locator("body").evaluate((body) => (globalThis as unknown as BrowserWindow).getComputedStyle(body).margin)).toBe("0px");
    expect(refused).toEqual([]);
    await context.close();
  });

  it("serves the public badges of the repository", async () => {
    for (const kind of ["first-response", "response-goal"]) {
      const response = await fetch(`${steward.url}/badges/acme/widget/${kind}.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("image/svg+xml");
      expect(response.headers.get("etag")).toBeTruthy();
      expect(await response.text()).toContain("<svg");
    }
    expect((await fetch(`${steward.url}/badges/acme/secret/first-response.svg`)).status).toBe(404);
  });
});

/** The one call of the page's window these tests make (the project's types have no DOM). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { margin: string };
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
