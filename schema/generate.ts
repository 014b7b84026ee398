// `npm run schema:generate`: writes the JSON Schema of steward.yml from the zod schema.
// test/config/json-schema.test.ts fails until the committed file matches what this writes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_SCHEMA_FILE, stewardJsonSchemaText } from "../src/config/json-schema.js";
import { packageRoot } from "../src/package-root.js";

writeFileSync(join(packageRoot(), JSON_SCHEMA_FILE), stewardJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
