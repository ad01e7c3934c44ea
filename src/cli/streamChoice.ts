/** With --sheet, only the named sheet (exact, else ignoring case) is read in the streaming pass; without, every sheet is a candidate. */
export function chooseSheetStreaming(sheetName: string, requested: string | undefined): boolean {
  if (requested === undefined) return true;
  return sheetName === requested || sheetName.toLowerCase() === requested.trim().toLowerCase();
}
