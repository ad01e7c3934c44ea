import type { Localized } from "../model";

/**
 * The names of the sheets AE Guard writes, apart from what fills them: a host that only needs to tell its own sheets
 * from the seller's (the task pane's sheet picker) imports these without the summary and to-do builders.
 */
export const SUMMARY_SHEET_NAME: Localized = {
  en: "AE Violations",
  zh: "AE 违规汇总",
};
export const ACTIONS_SHEET_NAME: Localized = {
  en: "AE Actions",
  zh: "AE 待办",
};
