import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { detectCapabilities, EXCEL_REQUIREMENTS } from "../excel/requirements";
import { App } from "./App";
import type { HostFactories, OfficeLike, PaneStart } from "./bootstrap";
import { choosePaneStart } from "./bootstrap";
import { chooseLang } from "./environment";
import { stringsFor } from "./i18n";

/** Office normally answers within a second; past this the pane says something instead of spinning forever. */
const OFFICE_READY_PATIENCE_MS = 15_000;

const factories: HostFactories = {
  async excel() {
    const capabilities = detectCapabilities(Office);
    if (!capabilities.scan) {
      const { set, version } = EXCEL_REQUIREMENTS.minimum;
      return { error: { kind: "apiUnavailable", detail: `${set} ${version}` } };
    }
    const [{ createOfficeWorkbookSession }, { createFormulaSettingsHandOff }, { hostExcel }] = await Promise.all([
      import(/* webpackChunkName: "excel" */ "../excel/office/officePort"),
      import(/* webpackChunkName: "excel" */ "./formulaHandOff"),
      import(/* webpackChunkName: "excel" */ "../functions/recalculate"),
    ]);
    return { session: createOfficeWorkbookSession(), formulas: createFormulaSettingsHandOff(hostExcel) };
  },
  async preview(lang) {
    const { createPreviewWorkbook, previewLatency } = await import(
      /* webpackChunkName: "preview" */ "./preview/previewSession"
    );
    return createPreviewWorkbook(lang, { latencyMs: previewLatency(window.location.search) });
  },
};

function render(root: Root, start: PaneStart): void {
  document.documentElement.lang = start.lang; // screen readers pick their voice from the page's language
  // Native parts (date picker icon, select lists, scroll bars) follow the theme too.
  document.documentElement.style.colorScheme = start.theme;
  root.render(
    <App
      session={start.session}
      lang={start.lang}
      theme={start.theme}
      startupError={start.startupError}
      preview={start.preview}
      formulas={start.formulas}
    />,
  );
}

function boot(): void {
  const container = document.getElementById("container");
  if (container === null) return;
  document.body.style.margin = "0"; // the pane paints edge to edge in the theme's background
  const root = createRoot(container);
  const page = { search: window.location.search, navigatorLanguage: navigator.language };
  const lang = chooseLang({ query: page.search, navigatorLanguage: page.navigatorLanguage });
  // Something to see at once: office.js and the workbook take a moment.
  root.render(
    <FluentProvider theme={webLightTheme} lang={lang}>
      <Spinner label={stringsFor(lang).loading} style={{ padding: 24 }} />
    </FluentProvider>,
  );

  const office: (OfficeLike & { onReady?: () => Promise<{ host: unknown }> }) | undefined =
    typeof Office === "undefined"
      ? undefined
      : (Office as unknown as OfficeLike & { onReady: () => Promise<{ host: unknown }> });
  let started = false;
  const start = (host: unknown) => {
    void choosePaneStart(host, office, page, factories).then((paneStart) => {
      started = true;
      render(root, paneStart);
    });
  };
  if (!office?.onReady) {
    start(null); // office.js did not load (offline page, blocked CDN): the browser preview still works
    return;
  }
  const patience = window.setTimeout(() => {
    if (started) return;
    render(root, {
      session: null,
      lang,
      theme: "light",
      startupError: { kind: "unknown", detail: "Office did not finish starting the add-in (Office.onReady)." },
    });
  }, OFFICE_READY_PATIENCE_MS);
  office
    .onReady()
    .then((info) => start(info.host ?? null))
    .catch(() => start(null))
    .finally(() => window.clearTimeout(patience));
}

boot();
