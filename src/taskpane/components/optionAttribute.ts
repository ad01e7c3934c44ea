/** Marks an option's control so the pane can focus the one that blocks the scan (the options panel loads lazily). */
export const OPTION_ATTRIBUTE = "data-option";
