import { PLACEHOLDER } from "../config/sections/welcome.js";

/**
 * Fills a template's `{{variable}}` placeholders with values that are already safe markdown. A
 * line that uses a variable without a value (a CONTRIBUTING link the repository does not have) is
 * left out whole, so no message shows an empty link. The config schema rejects unknown variables
 * at load; one that slips through is treated as a variable without a value.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string | null | undefined>>): string {
  const lines: string[] = [];
  for (const line of template.split("\n")) {
    let missing = false;
    const filled = line.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === null || value === undefined) {
        missing = true;
        return "";
      }
      return value;
    });
    if (!missing) lines.push(filled);
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
