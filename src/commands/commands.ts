/*
 * Ribbon commands. The only button ("Scan orders") is a ShowTaskpane action, which needs no code; this bundle is
 * loaded into the shared runtime page so that ExecuteFunction commands can be added here later
 * (register them with Office.actions.associate inside Office.onReady).
 */
Office.onReady(() => {
  // Nothing to register yet.
});
