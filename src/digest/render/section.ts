import type { BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";

/** A section that only has a heading and a paragraph. */
export function paragraphSection(heading: string, text: string): BodySection {
  return { head: `${heading}\n\n${text}`, items: [] };
}

/** Renders a section from its figures, or says plainly why there are none yet. */
export function sectionOf<T>(heading: string, figures: SectionFigures<T>, render: (current: T, previous: T | null) => BodySection): BodySection {
  if (figures.status === "unavailable") return paragraphSection(heading, `_Not available yet: ${figures.reason}._`);
  return render(figures.current, figures.previous);
}
