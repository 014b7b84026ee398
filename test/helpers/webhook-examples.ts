import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const groups: ExampleGroup[] = require("@octokit/webhooks-examples/api.github.com/index.json");

/**
 * A deep copy of a real GitHub payload from @octokit/webhooks-examples: the `index`-th example of
 * `event` with `action` (or the event's examples without action, such as `fork`).
 */
export function examplePayload(event: string, action?: string, index = 0): Record<string, unknown> {
  const group = groups.find((g) => g.name === event);
  const matching = (group?.examples ?? []).filter((e) => action === undefined || e.action === action);
  const example = matching[index];
  if (!example) throw new Error(`no example payload for ${event}.${action ?? ""} #${index}`);
  return structuredClone(example);
}

/** Every example of an event, for tests that sweep all of them. */
export function allExamples(event: string): Record<string, unknown>[] {
  return structuredClone(groups.find((g) => g.name === event)?.examples ?? []);
}

/**
 * Points an example at the repository and installation of a test. Most examples lack an
 * `installation`, which Probot needs to authenticate; and they all name Codertocat/Hello-World.
 */
export function forRepository(
  payload: Record<string, unknown>,
  target: { installationId: number; repositoryId: number; owner: string; name: string },
): Record<string, unknown> {
  const repository = { ...(payload.repository as Record<string, unknown>) };
  repository.id = target.repositoryId;
  repository.name = target.name;
  repository.full_name = `${target.owner}/${target.name}`;
  repository.owner = { ...(repository.owner as Record<string, unknown>), login: target.owner };
  return { ...payload, repository, installation: { id: target.installationId, node_id: "MDIzOkluc3RhbGxhdGlvbg==" } };
}
