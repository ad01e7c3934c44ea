/**
 * Tracking-number intelligence: recognise the carrier and format of a tracking number, verify its check digit,
 * flag placeholders, and split cells that hold several numbers. Pure: no I/O, no host APIs.
 */
export type {
  CheckAlgorithm,
  CheckDigitState,
  CheckSpec,
  Span,
  TrackingCheck,
  TrackingFormat,
  TrackingProblem,
} from "./types";
export { normalizeTrackingNumber } from "./normalize";
export { checkTrackingNumber, judgeTrackingNumber, type TrackingVerdict } from "./classify";
export {
  checkTrackingCell,
  isPlaceholderTrackingCell,
  judgeTrackingCell,
  newTrackingCellVerdict,
  splitTrackingNumbers,
  type TrackingCellVerdict,
} from "./cell";
export { TRACKING_FORMATS } from "./formats";
export { S10_OPERATORS } from "./s10Countries";
export type { S10Operator } from "./s10Countries";
