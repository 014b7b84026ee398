import { describe, expect, it } from "vitest";
import { SandboxModel } from "../../src/sandbox/index.js";
import { permissionsOf, strongestRole } from "../../src/sandbox/model/roles.js";

/** acme (an organization) owns widget and a private vault; sol owns tools. */
function world(): SandboxModel {
  const model = new SandboxModel({ now: () => new Date("2024-05-01T12:00:00Z") });
  model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
  model.addRepository({ fullName: "acme/vault", private: true });
  model.addRepository({ fullName: "sol/tools" });
  return model;
}

describe("repository roles", () => {
  it("turns each role into GitHub's permissions object, each including the weaker ones", () => {
    expect(permissionsOf("admin")).toEqual({ admin: true, maintain: true, push: true, triage: true, pull: true });
    expect(permissionsOf("maintain")).toEqual({ admin: false, maintain: true, push: true, triage: true, pull: true });
    expect(permissionsOf("write")).toEqual({ admin: false, maintain: false, push: true, triage: true, pull: true });
    expect(permissionsOf("triage")).toEqual({ admin: false, maintain: false, push: false, triage: true, pull: true });
    expect(permissionsOf("read")).toEqual({ admin: false, maintain: false, push: false, triage: false, pull: true });
    expect(strongestRole(["read", null, "maintain", undefined, "triage"])).toBe("maintain");
    expect(strongestRole([])).toBeNull();
  });

  it("makes the owner of a personal repository its admin, and nobody else without a role", () => {
    const model = world();
    expect(model.repositoryRole("sol/tools", "sol")).toBe("admin");
    expect(model.repositoryRole("SOL/Tools", "Sol")).toBe("admin");
    // Public, but reading a public repository is not explicit access.
    expect(model.repositoryRole("sol/tools", "stranger")).toBeNull();
  });

  it("gives an organization's owners admin and its members the base permission on every repository, private ones too", () => {
    const model = world();
    model.addOrgMember("acme", "maya", "admin");
    model.addOrgMember("acme", "mo");
    for (const repo of ["acme/widget", "acme/vault"]) {
      expect(model.repositoryRole(repo, "maya")).toBe("admin");
      expect(model.repositoryRole(repo, "mo")).toBe("read");
    }
    expect(model.repositoryRole("sol/tools", "maya")).toBeNull();
    // A second call changes the role; the default is a plain member.
    model.addOrgMember("acme", "maya");
    expect(model.repositoryRole("acme/widget", "maya")).toBe("read");
    expect(model.addIssue("acme/widget", { user: "maya" }).author_association).toBe("MEMBER");
  });

  it("keeps the strongest of the organization's and the repository's roles", () => {
    const model = world();
    model.addOrgMember("acme", "mo");
    model.setRepositoryRole("acme/widget", "mo", "maintain");
    expect(model.repositoryRole("acme/widget", "mo")).toBe("maintain");
    expect(model.repositoryRole("acme/vault", "mo")).toBe("read");
    model.addOrgMember("acme", "maya", "admin");
    model.setRepositoryRole("acme/widget", "maya", "triage");
    expect(model.repositoryRole("acme/widget", "maya")).toBe("admin");
  });

  it("sets, changes and removes a collaborator's role; addCollaborator gives write without lowering a role", () => {
    const model = world();
    model.setRepositoryRole("sol/tools", "tess", "triage");
    expect(model.repositoryRole("sol/tools", "tess")).toBe("triage");
    expect(model.getUser("tess")).toBeDefined();
    model.setRepositoryRole("sol/tools", "tess", null);
    expect(model.repositoryRole("sol/tools", "tess")).toBeNull();
    model.addCollaborator("sol/tools", "wren");
    expect(model.repositoryRole("sol/tools", "wren")).toBe("write");
    model.setRepositoryRole("sol/tools", "omar", "maintain");
    model.addCollaborator("sol/tools", "omar");
    expect(model.repositoryRole("sol/tools", "omar")).toBe("maintain");
    expect(model.addIssue("sol/tools", { user: "omar" }).author_association).toBe("COLLABORATOR");
  });

  it("refuses roles GitHub does not have (the control API passes untyped JSON)", () => {
    const model = world();
    expect(() => model.setRepositoryRole("sol/tools", "x", "owner" as never)).toThrow(/unknown repository role "owner"/);
    expect(() => model.addOrgMember("acme", "x", "owner" as never)).toThrow(/unknown organization role "owner"/);
    expect(() => model.setRepositoryRole("sol/nothing", "x", "read")).toThrow(/unknown repository/);
  });

  it("carries roles and memberships over a rename, and finds the account by id under its new login", () => {
    const model = world();
    model.addOrgMember("acme", "maya", "admin");
    model.addOrgMember("acme", "mo");
    model.setRepositoryRole("acme/widget", "mo", "write");
    const id = model.getUser("mo")?.id;
    model.renameUser("mo", "moe");
    model.renameUser("maya", "maya-k");
    expect(model.repositoryRole("acme/widget", "moe")).toBe("write");
    expect(model.repositoryRole("acme/vault", "moe")).toBe("read");
    expect(model.repositoryRole("acme/widget", "mo")).toBeNull();
    expect(model.repositoryRole("acme/vault", "maya-k")).toBe("admin");
    expect(model.repositoryRole("acme/vault", "maya")).toBeNull();
    expect(model.getUserById(id ?? 0)?.login).toBe("moe");
  });
});
