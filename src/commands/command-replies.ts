import { codeSpan, fitToLimit, hiddenMarker } from "../text/index.js";

/** Side-effect kinds (and marker kinds) of what Steward says or does about a command. */
export const HELP_KIND = "command.help";
export const REFUSAL_KIND = "command.refusal";
export const REACTION_KIND = "command.reaction";

const COMMAND_LIST = [
  "Steward commands, for maintainers of this repository: a line of its own in a new comment, outside code and quotes (the first such line of a comment counts).",
  "",
  "- `/steward snooze 3d`: no response reminder on this item until then (`12h`, `3d`, `2w`; at most 90 days). The response figures do not change.",
  "- `/steward exempt`: take this item off the response clock, as an exempt label does. `/steward include` puts it back.",
  "- `/steward waiting`: pause the response clock until the author replies, as the waiting-for-author label does.",
  "- `/steward lead`: count the author of this item as a lead. `/steward not-lead`: stop counting them as one in this repository.",
  "- `/steward help`: this list.",
].join("\n");

/** The help, posted once per comment that asked for it or gave a command Steward does not know. */
export function helpBody(number: number, commentId: number, unknown: string | null): string {
  const intro = unknown === null ? "" : `Steward does not know ${codeSpan(unknown, { maxLength: 100 })}.\n\n`;
  return `${fitToLimit(`${intro}${COMMAND_LIST}`, 60_000)}\n\n${hiddenMarker(HELP_KIND, `${number}@comment:${commentId}`)}`;
}

/** The one reply per item and person to someone who may not command Steward. Names no one: nobody is pinged. */
export function refusalBody(number: number, person: string): string {
  const text = "Thanks! Only maintainers of this repository can use Steward commands, so this one was not applied.";
  return `${text}\n\n${hiddenMarker(REFUSAL_KIND, `${number}@${person}`)}`;
}
