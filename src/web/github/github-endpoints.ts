/** Where GitHub's web pages (sign-in) and REST API are, for github.com or a GitHub Enterprise Server. */
export interface GitHubEndpoints {
  /** e.g. https://github.com, or https://ghe.example.com */
  web: string;
  /** e.g. https://api.github.com, or https://ghe.example.com/api/v3 */
  api: string;
}

/** Read from the same variables Probot reads (GHE_HOST, GHE_PROTOCOL), so both talk to one GitHub. */
export function githubEndpoints(env: NodeJS.ProcessEnv): GitHubEndpoints {
  if (!env.GHE_HOST) return { web: "https://github.com", api: "https://api.github.com" };
  const web = `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}`;
  return { web, api: `${web}/api/v3` };
}
