import type { ActionsSheetModel } from "../../core/report/actionsSheet";
import { renderActionsSheet } from "../actionsSheet";
import type { StylesEditor } from "./stylesEdit";
import { recordedSheetXml, SheetRecorder } from "./summaryXml";

/** The Actions sheet tab's colour: blue, beside the summary's red. */
const TAB_COLOR = "FF2F75B5";

/** The AE Actions sheet's worksheet XML: inline strings, internal links to the order rows, no relationships. */
export function actionsSheetXml(model: ActionsSheetModel, styles: StylesEditor): string {
  const recorder = new SheetRecorder();
  const { links } = renderActionsSheet(recorder as unknown as Parameters<typeof renderActionsSheet>[0], model);
  return recordedSheetXml(recorder, styles, links, { tabColor: TAB_COLOR });
}
