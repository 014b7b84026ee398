export { codeSpan, inlineText, isGitHubLogin, login, tableCell } from "./neutralize.js";
export { hiddenMarker, parseMarkers, type Marker } from "./markers.js";
export {
  fitBody,
  fitToLimit,
  GITHUB_BODY_LIMIT,
  truncateList,
  type BodyParts,
  type BodySection,
  type MoreLine,
} from "./fit-body.js";
