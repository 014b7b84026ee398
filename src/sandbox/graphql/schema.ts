import { readFile } from "node:fs/promises";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let schemaPromise: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's public GraphQL schema from `@octokit/graphql-schema`, built once per process.
 *
 * The package's `schema.graphql` does not pass `buildSchema` (it defines
 * `EnterpriseOwnerInfo.repositoryDeployKeySetting` twice), so the introspection result in
 * `schema.json` is used instead, as the package's own validator does. Reading the file directly
 * avoids importing the package's entry, which would build a second copy of the schema.
 */
export function loadGitHubSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= (async () => {
    const entry = import.meta.resolve("@octokit/graphql-schema");
    const json = JSON.parse(await readFile(new URL("./schema.json", entry), "utf8")) as IntrospectionQuery | { data: IntrospectionQuery };
    return buildClientSchema("data" in json ? json.data : json);
  })();
  return schemaPromise;
}
