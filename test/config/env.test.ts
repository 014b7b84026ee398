import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../src/config/env.js";

describe("parseEnv", () => {
  it("defaults to the SQLite file ./data/steward.db and Probot's webhook path", () => {
    const env = parseEnv({}, "/srv/steward");
    expect(env).toMatchObject({
      appId: null,
      database: { engine: "sqlite", path: "/srv/steward/data/steward.db" },
      webhookPath: "/api/github/webhooks",
      webhookSecret: "development",
      port: 3000,
    });
  });

  it("accepts sqlite and file URLs", () => {
    expect(parseEnv({ DATABASE_URL: "sqlite://db/x.db" }, "/a").database).toEqual({ engine: "sqlite", path: "/a/db/x.db" });
    expect(parseEnv({ DATABASE_URL: "file:/var/lib/steward.db" }, "/a").database).toEqual({ engine: "sqlite", path: "/var/lib/steward.db" });
    expect(parseEnv({ DATABASE_URL: ":memory:" }).database).toEqual({ engine: "sqlite", path: ":memory:" });
  });

  it("reports every bad variable at once, by name", () => {
    let error: unknown;
    try {
      parseEnv({ APP_ID: "abc", PORT: "99999", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ["APP_ID", "PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(message).toContain(name);
  });

  it("takes METRICS_TOKEN as the bearer token of /metrics, and refuses one a header cannot carry", () => {
    expect(parseEnv({}).metricsToken).toBeNull();
    expect(parseEnv({ METRICS_TOKEN: "" }).metricsToken).toBeNull();
    expect(parseEnv({ METRICS_TOKEN: "s3cr3t-token_+/=" }).metricsToken).toBe("s3cr3t-token_+/=");
    expect(() => parseEnv({ METRICS_TOKEN: "two words" })).toThrow(/METRICS_TOKEN must be printable ASCII without spaces/);
    expect(() => parseEnv({ METRICS_TOKEN: "tëst" })).toThrow(/METRICS_TOKEN/);
  });

  it("turns dashboard sign-in on with both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, and checks SESSION_SECRET and PUBLIC_URL", () => {
    expect(parseEnv({}).userAuth).toBeNull();
    expect(parseEnv({ GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "shh" }).userAuth).toEqual({ clientId: "Iv1.abc", clientSecret: "shh" });
    expect(() => parseEnv({ GITHUB_CLIENT_ID: "Iv1.abc" })).toThrow(/GITHUB_CLIENT_ID is set without GITHUB_CLIENT_SECRET/);
    expect(() => parseEnv({ GITHUB_CLIENT_SECRET: "shh" })).toThrow(/GITHUB_CLIENT_SECRET is set without GITHUB_CLIENT_ID/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(parseEnv({ SESSION_SECRET: "x".repeat(32) }).sessionSecret).toBe("x".repeat(32));
    expect(parseEnv({ PUBLIC_URL: "https://steward.example.com/" }).publicUrl).toBe("https://steward.example.com");
    expect(parseEnv({}).publicUrl).toBeNull();
    for (const bad of ["steward.example.com", "https://steward.example.com/app", "ftp://x"]) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL must be the server's origin/);
    }
  });

  it("needs a private key once an APP_ID is set", () => {
    expect(() => parseEnv({ APP_ID: "12" })).toThrow(/neither PRIVATE_KEY nor PRIVATE_KEY_PATH/);
    expect(() => parseEnv({ APP_ID: "12", PRIVATE_KEY_PATH: "/nonexistent/key.pem" })).toThrow(/does not exist/);
    expect(parseEnv({ APP_ID: "12", PRIVATE_KEY: "pem" }).appId).toBe(12);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_ID is required when NODE_ENV=production/);
  });

  it("takes a postgres:// URL as PostgreSQL, with the pool size, sslmode kept in the URL", () => {
    const url = "postgresql://steward:s%40cret@db.internal:5432/steward?sslmode=verify-full";
    expect(parseEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: "4" }).database).toEqual({ engine: "postgres", url, poolSize: 4 });
  });

  it.each([
    ["postgres://db.internal:5432", /names no database/],
    ["postgres:///steward", /names no host/],
    ["postgres://u@h/db?sslmode=sometimes", /sslmode must be one of disable, prefer, require, verify-ca, verify-full, no-verify, got "sometimes"/],
  ])("refuses the PostgreSQL URL %s, saying why", (url, reason) => {
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(reason);
  });

  it("never repeats a password in its message", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "postgres://u:hunter2@h/db?sslmode=x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/sslmode must be one of/);
    expect(message).not.toContain("hunter2");
  });
});

describe("WRITE_PACE_PER_MINUTE", () => {
  it("defaults to 60 and accepts 1 to 80", () => {
    expect(parseEnv({}).writePacePerMinute).toBe(60);
    expect(parseEnv({ WRITE_PACE_PER_MINUTE: "80" }).writePacePerMinute).toBe(80);
  });

  it.each(["0", "81", "1.5", "fast"])("refuses %s, naming the variable", (value) => {
    expect(() => parseEnv({ WRITE_PACE_PER_MINUTE: value })).toThrow(/WRITE_PACE_PER_MINUTE must be a whole number from 1 to 80/);
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 and accepts 1 to 100", () => {
    const poolSize = (env: Record<string, string>) => {
      const { database } = parseEnv({ DATABASE_URL: "postgres://h/db", ...env });
      return database.engine === "postgres" ? database.poolSize : undefined;
    };
    expect(poolSize({})).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: "100" })).toBe(100);
  });

  it.each(["0", "101", "2.5", "many"])("refuses %s, naming the variable", (value) => {
    expect(() => parseEnv({ DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE must be a whole number from 1 to 100/);
  });
});

describe("production safety and the newer variables", () => {
  it("refuses NODE_ENV=production without WEBHOOK_SECRET, saying why", () => {
    expect(() => parseEnv({ NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "pem" })).toThrow(
      /WEBHOOK_SECRET is required when NODE_ENV=production: without it anyone could forge webhooks/,
    );
    expect(parseEnv({ NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "pem", WEBHOOK_SECRET: "s3cret" }).webhookSecret).toBe("s3cret");
  });

  it("reads LOG_FORMAT, WEBHOOK_PROXY_URL and STEWARD_SCHEDULES", () => {
    const env = parseEnv({ LOG_FORMAT: "json", WEBHOOK_PROXY_URL: "https://smee.io/abc", STEWARD_SCHEDULES: "sweep=*/5 * * * * *; digests=off" });
    expect(env).toMatchObject({ logFormat: "json", webhookProxyUrl: "https://smee.io/abc", schedules: { sweep: "*/5 * * * * *", digests: "off" } });
    expect(parseEnv({})).toMatchObject({ logFormat: "pretty", webhookProxyUrl: null, schedules: {} });
  });

  it("names each bad value of the newer variables", () => {
    expect(() => parseEnv({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT must be "pretty" or "json", got "xml"/);
    expect(() => parseEnv({ WEBHOOK_PROXY_URL: "not a url" })).toThrow(/WEBHOOK_PROXY_URL must be a URL/);
    expect(() => parseEnv({ STEWARD_SCHEDULES: "sweep" })).toThrow(/"sweep" is not of the form job=cron/);
    expect(() => parseEnv({ STEWARD_SCHEDULES: "sweep=every minute" })).toThrow(/"every minute" \(for sweep\) is not a cron pattern/);
  });
});
