import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { StewardConfig } from "../config/schema.js";
import type { RepositoryRecord } from "../domain/repository.js";
import type { DB } from "../store/db.js";
import type { VisibleInstallation } from "./access.js";
import type { GitHubEndpoints } from "./github/github-endpoints.js";
import type { Session } from "./session/session.js";
import type { PageChrome } from "./view-models.js";

export interface DashboardDeps {
  db: DB;
  now: () => Date;
  log: Logger;
  /** The app's client id and secret; null: sign-in is off and every page says so. */
  userAuth: { clientId: string; clientSecret: string } | null;
  sessionSecret: string | null;
  /** This server's origin as users reach it (PUBLIC_URL), else taken from each request's Host. */
  publicUrl: string | null;
  github: GitHubEndpoints;
  /** A repository's steward.yml, as the server's config cache has it. */
  configFor(repository: RepositoryRecord): Promise<StewardConfig>;
  fetch?: typeof fetch;
}

/** What a page handler gets once the request is signed in and GitHub said what the user may see. */
export interface SignedInRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  session: Session;
  visible: VisibleInstallation[];
  chrome(title: string, trail: PageChrome["trail"]): PageChrome;
}
