import { describe, expect, it } from "vitest";
import { matchInterestTerms } from "../../src/conversion/match-interest-terms.js";
import { DEFAULT_INTEREST_TERMS } from "../../src/config/sections/conversion.js";

const match = (text: string, terms: readonly string[] = DEFAULT_INTEREST_TERMS) => matchInterestTerms(text, terms);

describe("matchInterestTerms", () => {
  it("finds whole words and phrases, whatever their case, in the configured spelling", () => {
    expect(match("we need SSO")).toEqual(["SSO"]);
    expect(match("We need sso and saml.")).toEqual(["SSO", "SAML"]);
    expect(match("Is there an Enterprise plan? What is the PRICING?")).toEqual(["enterprise", "pricing"]);
    expect(match("Do you sell a Support Contract?")).toEqual(["support contract"]);
  });

  it("lets a phrase run across a line break, and a hyphen stand for a space", () => {
    expect(match("we want single\nsign-on for our team")).toEqual(["single sign-on"]);
    expect(match("can it run on prem?")).toEqual(["on-prem"]);
    expect(match("we need an audit\r\n  log")).toEqual(["audit log"]);
  });

  it("counts plurals but not other words that contain a term", () => {
    expect(match("Do you offer SLAs?")).toEqual(["SLA"]);
    expect(match("we keep audit logs")).toEqual(["audit log"]);
    expect(match("this API looks enterprisey")).toEqual([]);
    expect(match("a nonenterprise setup")).toEqual([]);
    expect(match("enterprise_mode flag")).toEqual([]);
    expect(match("we are on-premises")).toEqual(["on-premise"]);
    expect(match("SSOs, SAMLing")).toEqual(["SSO"]);
  });

  it("ignores fenced code blocks, also unclosed ones and tilde fences", () => {
    expect(match("Found a bug:\n```\npricing page typo\n```\nthanks")).toEqual([]);
    expect(match("~~~yaml\nauth: SSO\n~~~")).toEqual([]);
    expect(match("````\n```\nSSO\n```\n````\nafter")).toEqual([]);
    expect(match("log:\n```\nenterprise\n")).toEqual([]);
    expect(match("```\ncode\n```\nbut we need SSO")).toEqual(["SSO"]);
  });

  it("ignores inline code, but a lone backtick is text", () => {
    expect(match("set `enterprise: true` in the config")).toEqual([]);
    expect(match("the ``SSO`` flag")).toEqual([]);
    expect(match("a ` stray backtick and SSO")).toEqual(["SSO"]);
  });

  it("ignores quoted text and hidden HTML comments", () => {
    expect(match("> Do you offer SSO?\nNo idea, sorry.")).toEqual([]);
    expect(match("<!-- Enterprise users: mention your SLA -->\nThe button is broken")).toEqual([]);
    expect(match("> quote\n\nWe need RBAC")).toEqual(["RBAC"]);
    // Without a blank line the next line continues the quote, as GitHub renders it.
    expect(match("> quote\nWe need RBAC")).toEqual([]);
  });

  it("never lets a phrase bridge removed code", () => {
    expect(match("single `x` sign-on")).toEqual([]);
    expect(match("support\n```\nx\n```\ncontract")).toEqual([]);
  });

  it("treats terms literally, drops duplicates and blank terms", () => {
    expect(match("we use C++ and c++", ["C++", "c++", " "])).toEqual(["C++"]);
    expect(match("a.b", ["a.b"])).toEqual(["a.b"]);
    expect(match("axb", ["a.b"])).toEqual([]);
  });

  it("reads non-Latin words as words", () => {
    expect(match("Unternehmenslösung enterprise", ["enterprise"])).toEqual(["enterprise"]);
    expect(match("énterprise", ["enterprise"])).toEqual([]);
  });
});
