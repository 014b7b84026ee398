import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../src/config/env.js";

describe("parseEnv", () => {
  it("defaults to the SQLite file ./data/steward.db and Probot's webhook path", () => {
    const env = parseEnv({}, "/srv/steward");
    expect(env).toMatchObject({
      appId: null,
      databasePath: "/srv/steward/data/steward.db",
      webhookPath: "/api/github/webhooks",
      webhookSecret: "development",
      port: 3000,
    });
  });

  it("accepts sqlite and file URLs", () => {
    expect(parseEnv({ DATABASE_URL: "sqlite://db/x.db" }, "/a").databasePath).toBe("/a/db/x.db");
    expect(parseEnv({ DATABASE_URL: "file:/var/lib/steward.db" }, "/a").databasePath).toBe("/var/lib/steward.db");
    expect(parseEnv({ DATABASE_URL: ":memory:" }).databasePath).toBe(":memory:");
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

  it("needs a private key once an APP_ID is set", () => {
    expect(() => parseEnv({ APP_ID: "12" })).toThrow(/neither PRIVATE_KEY nor PRIVATE_KEY_PATH/);
    expect(() => parseEnv({ APP_ID: "12", PRIVATE_KEY_PATH: "/nonexistent/key.pem" })).toThrow(/does not exist/);
    expect(parseEnv({ APP_ID: "12", PRIVATE_KEY: "pem" }).appId).toBe(12);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_ID is required when NODE_ENV=production/);
  });

  it("says plainly that PostgreSQL is not supported yet", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u@h/db" })).toThrow(/PostgreSQL is not supported/);
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
