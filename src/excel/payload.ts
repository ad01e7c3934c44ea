/**
 * Request/response size accounting. Excel on the web rejects a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); we plan every sync to stay under a smaller
 * budget because Excel's own envelope (object paths, action ids) adds to what we can measure.
 */

/** Excel on the web's cap, per request and per response. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one sync is planned to carry at most. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** Excel's read cap per range on every platform; over it `values` may come back null without an error. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;
/** Envelope per API call (action, object path, ids): an estimate used by the planner and the fake alike. */
export const CALL_OVERHEAD_BYTES = 160;

/** UTF-8 size of a string, without allocating (the web payload limit counts bytes; CJK text is 3 bytes a char). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as it travels in JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}
