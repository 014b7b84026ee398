/**
 * Who Steward itself is on GitHub: what tells its own comments and issues from everyone else's.
 * A hidden marker (`<!-- steward:... -->`) is believed only in a body Steward's own app wrote
 * (docs/architecture.md, "Exactly once"): any user or other app can type one.
 */
export interface StewardIdentity {
  /** APP_ID: GitHub names it in `performed_via_github_app.id` of everything the app writes. */
  appId: number;
  /**
   * The app's bot account, `<slug>[bot]` (GET /app), for a GitHub that leaves
   * `performed_via_github_app` out; null when it could not be read.
   */
  botLogin: string | null;
}
