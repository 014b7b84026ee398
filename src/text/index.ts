export { codeSpan, inlineText, isGitHubLogin, login, tableCell } from "./neutralize.js";
export { hiddenMarker, parseMarkers } from "./markers.js";
export {
  fitBody,
  fitToLimit,
  GITHUB_BODY_LIMIT,
  truncateList,
  type BodySection,
} from "./fit-body.js";
