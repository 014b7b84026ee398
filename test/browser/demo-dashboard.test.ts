import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium, screenshot } from "../helpers/browser.js";

const ROOT = resolve(import.meta.dirname, "..", "..");

/**
 * What the README tells a newcomer: run `npm run demo`, open the dashboard address it prints and
 * sign in as the sandbox user it names. Nothing is configured but what the demo does itself.
 */
describe.runIf(browserAvailable())("npm run demo's dashboard", () => {
  let demo: ChildProcess | undefined;
  afterAll(() => {
    if (demo?.pid === undefined || demo.exitCode !== null || demo.signalCode !== null) return;
    try {
      process.kill(-demo.pid, "SIGKILL");
    } catch {
      // The group is gone already.
    }
  });

  it("prints the dashboard's address and a user, who can sign in and see acme/widget", { timeout: 120_000 }, async () => {
    demo = spawn("npm", ["run", "demo", "--silent"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    demo.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    const exited = new Promise<number | string>((done) => demo!.once("exit", (code, signal) => done(code ?? signal ?? "unknown")));
    const printed = await new Promise<RegExpExecArray>((found, failed) => {
      const timer = setInterval(() => {
        const match = /The dashboard: (http:\/\/\S+)\nSign in with GitHub, and at the sandbox's sign-in page enter the username (\S+) /.exec(stdout);
        if (match) {
          clearInterval(timer);
          found(match);
        } else if (demo!.exitCode !== null) {
          clearInterval(timer);
          failed(new Error(`the demo exited without printing the dashboard:\n${stdout}`));
        }
      }, 100);
    });
    // The printout came first, as before.
    expect(stdout).toContain("Digest issues (3)");
    const [, dashboardUrl = "", login = ""] = printed;
    expect(login).toBe("maya");

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(dashboardUrl);
      await page.getByRole("link", { name: "Sign in with GitHub" }).click();
      await page.getByLabel("Username").fill(login);
      await page.getByRole("button", { name: /Authorize/ }).click();
      await page.waitForURL(dashboardUrl);
      await page.getByRole("link", { name: /acme/ }).first().click();
      await page.getByRole("link", { name: "acme/widget" }).click();
      expect((await page.locator("h1").textContent()) ?? "").toContain("acme/widget");
      // The demo's three weeks are there: stars, and the enterprise lead its timeline plays.
      await screenshot(page, "10-demo-repository");
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main, main).toMatch(/Stars\s*\d{3}/);
      expect(main, main).toMatch(/1 lead/);
    } finally {
      await browser.close();
    }
    // Ctrl-C reaches npm and the demo alike: npm ends by the signal, the demo closes and exits 0.
    process.kill(-demo.pid!, "SIGINT");
    expect([0, "SIGINT"]).toContain(await exited);
    expect(stdout).not.toContain("demo failed");
  });
});
