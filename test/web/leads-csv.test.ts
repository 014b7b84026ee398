import { describe, expect, it } from "vitest";
import { leadsCsv, textField } from "../../src/web/leads-csv.js";
import type { LeadRow } from "../../src/web/view-models.js";

const lead: LeadRow = {
  login: "cto-bob",
  company: "Acme",
  terms: ["enterprise", "SSO"],
  signals: 4,
  firstSeenAt: new Date("2026-09-01T08:00:00Z"),
  lastSeenAt: new Date("2026-11-20T09:30:00Z"),
  status: "open",
  itemUrl: "https://github.com/o/r/issues/34",
  itemNumber: 34,
};

/** A minimal RFC 4180 reader, to check the file reads back to the same fields. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && csv[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("leadsCsv", () => {
  it("writes a header and one CRLF-ended line per lead, with ISO times and terms joined by '; '", () => {
    expect(leadsCsv([lead])).toBe(
      "login,company,status,signals,terms,first_seen,last_seen,item_number,item_url\r\n" +
        "cto-bob,Acme,open,4,enterprise; SSO,2026-09-01T08:00:00.000Z,2026-11-20T09:30:00.000Z,34,https://github.com/o/r/issues/34\r\n",
    );
  });

  it("leaves empty fields for what is unknown, and is only a header without leads", () => {
    expect(leadsCsv([{ ...lead, company: null, terms: [], itemUrl: null, itemNumber: null }]).split("\r\n")[1]).toBe(
      "cto-bob,,open,4,,2026-09-01T08:00:00.000Z,2026-11-20T09:30:00.000Z,,",
    );
    expect(leadsCsv([])).toBe("login,company,status,signals,terms,first_seen,last_seen,item_number,item_url\r\n");
  });

  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    const csv = leadsCsv([{ ...lead, company: 'Acme, "the" Co.\nLtd', terms: ["a,b"] }]);
    expect(csv).toContain(`,"Acme, ""the"" Co.\nLtd",open,4,"a,b",`);
    expect(parse(csv)[1]).toEqual([
      "cto-bob",
      'Acme, "the" Co.\nLtd',
      "open",
      "4",
      "a,b",
      "2026-09-01T08:00:00.000Z",
      "2026-11-20T09:30:00.000Z",
      "34",
      "https://github.com/o/r/issues/34",
    ]);
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(textField(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    const csv = leadsCsv([{ ...lead, company: '=HYPERLINK("http://evil","x")', terms: ["@SUM(A1)", "ok"] }]);
    const fields = parse(csv)[1]!;
    expect(fields[1]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(fields[4]).toBe("'@SUM(A1); ok");
    expect(textField("-2+3")).toBe("'-2+3");
    expect(textField("\r=1")).toBe(`"'\r=1"`);
    // Only the first character matters: a formula sign inside a cell is text already.
    expect(textField("Acme = best")).toBe("Acme = best");
  });
});
