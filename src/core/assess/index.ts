export { assignPoints, assessFindings, penaltyPoints, parseSeverity, UnknownViolationError } from "./assess";
export { consequenceFor, confidenceNote } from "./consequence";
export { resolveViolation, acceptedViolationNames, type ResolvedViolation } from "./violationNames";
