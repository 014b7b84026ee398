import { describe, expect, it } from "vitest";
import { DEFAULT_INTEREST_TERMS } from "../../src/config/sections/conversion.js";
import { matchInterestTerms } from "../../src/conversion/match-interest-terms.js";

/**
 * Issue 14, defect 8: terms count only in the writer's prose as GitHub renders the Markdown, never
 * in code, quotes, link targets, autolinks or HTML.
 */
const match = (text: string) => matchInterestTerms(text, DEFAULT_INTEREST_TERMS);

describe("interest terms only in prose", () => {
  const never: Array<[string, string]> = [
    ["a URL's path", "see https://example.com/docs/sso for details"],
    ["a www address", "it is at www.example.com/enterprise/pricing"],
    ["an angle-bracket autolink", "<https://example.com/saml>"],
    ["an e-mail autolink", "write to sso-team@acme.com please"],
    ["a link's target", "read [the docs](https://example.com/docs/sso)"],
    ["a link's title", 'read [the docs](https://example.com/x "SSO guide")'],
    ["a reference definition", "see [docs]\n\n[docs]: https://example.com/pricing"],
    ["an image", "![SSO flow](https://example.com/sso.png)"],
    ["a URL with another scheme", "mirror: ftp://files.example.com/sso/"],
    ["a bare domain with a path", "moved to example.com/docs/sso"],
    ["an indented code block", "Steps:\n\n    export SSO=1\n    run --saml\n\nthat is all"],
    ["a fenced code block", "```\nSSO=1\n```"],
    ["a tilde fence in a list", "- step:\n  ~~~\n  pricing\n  ~~~"],
    ["inline code", "set `enterprise: true` here"],
    ["a block quote", "> Do you offer SSO?\n\nNo idea."],
    ["a lazy continuation of a quote, as GitHub shows it", "> Do you offer\nSSO and SAML?"],
    ["a quote in a list", "- > we need RBAC"],
    ["an HTML block", "<div>enterprise pricing</div>"],
    ["an HTML comment in a line", "the button <!-- mention your SLA --> is broken"],
    ["an HTML comment block", "<!--\nEnterprise users: mention your SLA\n-->\nThe button is broken"],
    ["an HTML details block", "<details>\n<summary>SSO logs</summary>\n\n</details>"],
  ];

  it.each(never)("never in %s", (_where, text) => {
    expect(match(text)).toEqual([]);
  });

  const prose: Array<[string, string, string[]]> = [
    ["a sentence", "we need SSO", ["SSO"]],
    ["a slash between terms", "SSO/SAML support", ["SSO", "SAML"]],
    ["a heading", "## Pricing", ["pricing"]],
    ["list items", "- SSO\n- audit logs", ["SSO", "audit log"]],
    ["a table cell", "| need | when |\n|---|---|\n| SCIM | now |", ["SCIM"]],
    ["a phrase across emphasis", "single **sign-on**", ["single sign-on"]],
    ["a link's text", "[our SSO needs](https://example.com/x)", ["SSO"]],
    ["the text beside a URL", "SAML, see https://example.com/docs/sso", ["SAML"]],
    ["a reply after a quote", "> quote\n\nWe need RBAC", ["RBAC"]],
    ["a line after code", "```\nx\n```\nbut we need SSO", ["SSO"]],
    ["escaped punctuation", "\\*SSO\\*", ["SSO"]],
    ["text between inline HTML tags", "we need <b>LDAP</b>", ["LDAP"]],
  ];

  it.each(prose)("in %s", (_where, text, terms) => {
    expect(match(text)).toEqual(terms);
  });

  it("never lets a phrase run from one paragraph into the next", () => {
    expect(match("we offer support\n\ncontract work")).toEqual([]);
  });
});
