import type { ActionsSheetModel } from "../../core/report/actionsSheet";
import { actionsSheetRows } from "../actionsSheet";
import type { InternalLink } from "../xlsxPost";
import type { StylesEditor } from "./stylesEdit";
import { recordedSheetChunks, SheetRecorder } from "./summaryXml";

/** The Actions sheet tab's colour: blue, beside the summary's red. */
const TAB_COLOR = "FF2F75B5";

/** The AE Actions sheet's worksheet XML in pieces as it is drawn: inline strings, internal links to the order rows. */
export function actionsSheetChunks(model: ActionsSheetModel, styles: StylesEditor): Generator<string | Buffer, void> {
  const recorder = new SheetRecorder();
  const links: InternalLink[] = [];
  const rows = actionsSheetRows(recorder as unknown as Parameters<typeof actionsSheetRows>[0], model, links);
  return recordedSheetChunks(recorder, rows, links, styles, { tabColor: TAB_COLOR });
}
