import type { Lang } from "../core/model";
import type { WorkbookSession } from "../excel/session";
import type { GridSource } from "./components/SheetPreviewGrid";
import type { ThemeName } from "./environment";
import { chooseLang, themeFromOffice } from "./environment";
import type { PaneError } from "./errors";
import type { FormulaSettingsHandOff } from "./formulaSettings";

/** Everything `<App>` needs, decided once Office has said where the pane runs. */
export interface PaneStart {
  session: WorkbookSession | null;
  lang: Lang;
  theme: ThemeName;
  startupError?: PaneError;
  preview?: { grid: GridSource; asOf: number; timeZone: string };
  /** In Excel: how the pane hands its settings to the AE.* formulas. */
  formulas?: FormulaSettingsHandOff;
}

/** What the bootstrap reads from office.js (absent entirely when office.js did not load). */
export interface OfficeLike {
  HostType?: { Excel?: unknown };
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
}

export interface HostFactories {
  /** The Excel session over Office.js, or a startup error when this Excel cannot run the scan. */
  excel: () => Promise<{ session: WorkbookSession; formulas?: FormulaSettingsHandOff } | { error: PaneError }>;
  /** The browser preview: the real session over the in-memory sample workbook. */
  preview: (lang: Lang) => Promise<{ session: WorkbookSession; grid: GridSource; asOf: number; timeZone: string }>;
}

function officeContext(office: OfficeLike | undefined): OfficeLike["context"] {
  try {
    return office?.context;
  } catch {
    return undefined;
  }
}

/**
 * Inside Excel (`host` is Excel) the pane drives the workbook through Office.js. Outside Office (`Office.onReady`
 * resolved with `host: null`, or office.js never loaded) it becomes the browser preview. Any other Office host
 * gets a message instead of a blank pane.
 */
export async function choosePaneStart(
  host: unknown,
  office: OfficeLike | undefined,
  page: { search: string; navigatorLanguage?: string },
  factories: HostFactories,
): Promise<PaneStart> {
  const context = officeContext(office);
  const inOffice = host !== null && host !== undefined;
  const lang = chooseLang({
    query: page.search,
    displayLanguage: inOffice ? context?.displayLanguage : undefined,
    navigatorLanguage: page.navigatorLanguage,
  });
  const themeQuery = new URLSearchParams(page.search).get("theme");
  const theme: ThemeName =
    themeQuery === "dark" || themeQuery === "light"
      ? themeQuery
      : themeFromOffice(inOffice ? context?.officeTheme : undefined);

  if (!inOffice) {
    try {
      const preview = await factories.preview(lang);
      return {
        session: preview.session,
        lang,
        theme,
        preview: { grid: preview.grid, asOf: preview.asOf, timeZone: preview.timeZone },
      };
    } catch (error) {
      return {
        session: null,
        lang,
        theme,
        startupError: { kind: "unknown", detail: error instanceof Error ? error.message : String(error) },
      };
    }
  }
  if (office?.HostType?.Excel !== undefined && host !== office.HostType.Excel) {
    return {
      session: null,
      lang,
      theme,
      startupError: { kind: "apiUnavailable", detail: `Office host: ${String(host)}` },
    };
  }
  try {
    const excel = await factories.excel();
    if ("error" in excel) return { session: null, lang, theme, startupError: excel.error };
    return { session: excel.session, formulas: excel.formulas, lang, theme };
  } catch (error) {
    return {
      session: null,
      lang,
      theme,
      startupError: { kind: "apiUnavailable", detail: error instanceof Error ? error.message : String(error) },
    };
  }
}
