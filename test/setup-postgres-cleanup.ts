import { afterAll } from "vitest";
import { postgresTestDatabases } from "./helpers/test-store.js";

// Each test file of the "postgres" project drops the databases its tests made, disposed or not,
// so a run leaves nothing behind on the server.
afterAll(async () => {
  for (const database of postgresTestDatabases.splice(0)) {
    await database.close();
    await database.drop();
  }
});
