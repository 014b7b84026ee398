import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";
import { linkTarget, messageValues } from "../../src/welcome/message-values.js";
import { renderTemplate } from "../../src/welcome/render-template.js";

describe("welcome templates", () => {
  it("fill variables and leave out lines whose link the repository lacks", () => {
    const template = "Hi {{author}}!\nRead [the guide]({{ contributing }}).\nBe kind: [conduct]({{codeOfConduct}}).";
    const values = messageValues({
      author: "new-person",
      repository: "acme/widget",
      contributing: "https://github.com/acme/widget/blob/main/CONTRIBUTING.md",
    });
    expect(renderTemplate(template, values)).toBe("Hi @new-person!\nRead [the guide](https://github.com/acme/widget/blob/main/CONTRIBUTING.md).");
  });

  it("mention only the author, and a number that does not link an issue", () => {
    const values = messageValues({ author: "ana", repository: "acme/widget", number: 7 });
    expect(values.author).toBe("@ana");
    expect(values.number).toBe("#\u200B7");
    expect(values.ordinal).toBe("7th");
    expect(messageValues({ author: "weird--name", repository: "a/b" }).author).toBe("@\u200Bweird--name");
    expect(messageValues({ author: "ana", repository: "@evil/x_y" }).repository).toBe("@\u200Bevil/x&#95;y");
  });

  it("accept only http(s) link targets, escaped for a markdown link", () => {
    expect(linkTarget("javascript:alert(1)")).toBeNull();
    expect(linkTarget("not a url")).toBeNull();
    expect(linkTarget("https://example.com/a (b)")).toBe("https://example.com/a%20%28b%29");
  });

  it("are checked at load: an unknown variable is an error with its path", () => {
    const { problems } = validateConfig({ welcome: { templates: { firstIssue: "Hi {{name}}", milestone: "{{threshold}} {{author}}" } } });
    expect(problems).toEqual([
      {
        path: "welcome.templates.firstIssue",
        message: "unknown variable {{name}} (this message knows: author, repository, contributing, codeOfConduct)",
      },
    ]);
    const number = validateConfig({ welcome: { templates: { firstMergeWithoutNumber: "You are {{number}}" } } });
    expect(number.problems.map((p) => p.path)).toEqual(["welcome.templates.firstMergeWithoutNumber"]);
    expect(validateConfig({ welcome: { templates: { firstMerge: "You are {{ number }} ({{ordinal}})" } } }).problems).toEqual([]);
  });
});
