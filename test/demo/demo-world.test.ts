import { describe, expect, it } from "vitest";
import { DEMO_MAINTAINERS, DEMO_REPO, DEMO_SIGN_IN_USER, seedDemoWorld } from "../../src/demo/demo-world.js";
import { SandboxModel } from "../../src/sandbox/index.js";

describe("the demo world's maintainers", () => {
  it("lets both sign in to the dashboard: maya as an owner of acme, omar with maintain on the repository", () => {
    const model = new SandboxModel();
    seedDemoWorld(model, new Date("2025-11-01T00:00:00Z"));
    expect(DEMO_SIGN_IN_USER).toBe("maya");
    expect(DEMO_MAINTAINERS).toContain(DEMO_SIGN_IN_USER);
    expect(model.repositoryRole(DEMO_REPO, "maya")).toBe("admin");
    expect(model.repositoryRole(DEMO_REPO, "omar")).toBe("maintain");
    // Their past activity still reads as the organization's members.
    expect(model.listReviews(DEMO_REPO, 2)[0]).toMatchObject({ user: "omar", author_association: "MEMBER" });
    expect(model.repositoryRole(DEMO_REPO, "ada")).toBeNull();
  });
});
