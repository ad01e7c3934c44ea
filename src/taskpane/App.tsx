import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ScanRegular, ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CanonicalField, Instant, Lang, ViolationCode } from "../core/model";
import { formatMinute } from "../core/dates/zone";
import type { ColumnMapping } from "../core/sheet";
import type {
  ScanOutcome,
  ScanProgress as Progress,
  ScanSettings,
  SheetPreview,
  WorkbookSession,
} from "../excel/session";
import { ErrorBar } from "./components/ErrorBar";
import { MappingPanel } from "./components/MappingPanel";
import { OPTION_ATTRIBUTE } from "./components/optionAttribute";
import { ScanProgress } from "./components/ScanProgress";
import type { GridSource } from "./components/SheetPreviewGrid";
import type { ThemeName } from "./environment";
import type { PaneError } from "./errors";
import { classifyError, isAbortError } from "./errors";
import { stringsFor } from "./i18n";
import { headerChoices, mappingReview, mappingRows, withField } from "./mapping";
import type { OptionsState } from "./options";
import { defaultOptions, firstProblem, optionProblems, optionsFromSaved, toScanSettings } from "./options";
import { codeCounts, flaggedOrders } from "./results";
import type { FormulaSettingsHandOff, SavedPaneSettings } from "./formulaSettings";
import { detectedDate1904, savedDate1904, useFormulaSettings } from "./formulaSettings";

/** Not on the first screen (folded, or there only after a scan): fetched when first shown, so the pane opens sooner. */
const OptionsPanel = lazy(() =>
  import(/* webpackChunkName: "options" */ "./components/OptionsPanel").then((module) => ({
    default: module.OptionsPanel,
  })),
);
const ResultsPanel = lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/ResultsPanel").then((module) => ({
    default: module.ResultsPanel,
  })),
);
const FlaggedList = lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/FlaggedList").then((module) => ({
    default: module.FlaggedList,
  })),
);

/** Only the browser preview draws the workbook, so Excel never downloads the grid. */
const SheetPreviewGrid = lazy(() =>
  import(/* webpackChunkName: "preview-grid" */ "./components/SheetPreviewGrid").then((module) => ({
    default: module.SheetPreviewGrid,
  })),
);

export interface AppProps {
  /** The workbook the pane drives; null when the host cannot run AE Guard (then `startupError` says why). */
  session: WorkbookSession | null;
  lang: Lang;
  theme?: ThemeName;
  startupError?: PaneError;
  /** Browser preview only: the in-memory workbook, drawn as a grid beside the pane, and the moment it is judged at. */
  preview?: { grid: GridSource; asOf: Instant; timeZone: string };
  /** In Excel: hands the zone, handling days, window, language and date system to the AE.* formulas. */
  formulas?: FormulaSettingsHandOff;
}

type Phase = "loading" | "ready" | "scanning";

/** A sheet preview, or why there is none (or why it is not usable: no orders). */
interface PreviewRead {
  preview?: SheetPreview;
  error?: PaneError;
}

/** Sheets read on open when the active one has no order table: each read costs a pass over that sheet. */
const OTHER_SHEETS_TRIED = 5;
/** How long a field to focus may take to appear in a panel that is opening (and loading): about two seconds. */
const FOCUS_WAIT_FRAMES = 120;
const FRAME_MS = 16;

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  layout: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: "400px",
    maxWidth: "100%",
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
  },
  gridColumn: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: "360px",
    minWidth: 0,
    position: "sticky",
    top: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  headerIcon: { fontSize: "28px", color: tokens.colorBrandForeground1, flexShrink: 0 },
  headerText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  scan: { width: "100%" },
  scanArea: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  blocked: { color: tokens.colorPaletteRedForeground1 },
  headerLines: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  panelBody: { paddingBottom: tokens.spacingVerticalM },
});

interface Notice {
  intent: "info" | "success";
  text: string;
}

export function App({ session, lang, theme = "light", startupError, preview: browserPreview, formulas }: AppProps) {
  const styles = useStyles();
  const strings = stringsFor(lang);

  const [phase, setPhase] = useState<Phase>(session ? "loading" : "ready");
  const [error, setError] = useState<PaneError | undefined>(startupError);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | undefined>();
  const [preview, setPreview] = useState<SheetPreview | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping | undefined>();
  const [options, setOptions] = useState<OptionsState>(defaultOptions);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [selectedRow, setSelectedRow] = useState<number | undefined>();
  const [gridSheet, setGridSheet] = useState<string | undefined>();
  const [gridVersion, setGridVersion] = useState(0);
  const [openPanels, setOpenPanels] = useState<string[]>([]);
  /** The workbook's date system as saved or as the last scan found it; undefined while unknown. */
  const [date1904, setDate1904] = useState<boolean | undefined>();
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  /** What the shown results were scanned with (sheet, mapping, options), to tell when they no longer match. */
  const [scannedWith, setScannedWith] = useState<string | undefined>();
  /** An option to focus once the options panel has opened (Scan pressed while that option blocks it). */
  const [focusOption, setFocusOption] = useState<string | undefined>();
  /** The problem whose orders the flagged list shows (a count or chip pressed); undefined = all. */
  const [filter, setFilter] = useState<ViolationCode | undefined>();
  useFormulaSettings(formulas, settingsLoaded, options, lang, date1904);

  const scanController = useRef<AbortController | null>(null);
  const scanButton = useRef<HTMLButtonElement>(null);
  /** Set by Cancel: the Scan button comes back and takes the focus the Cancel button had. */
  const refocusScan = useRef(false);
  /** Each scan's number: a scan cancelled (or superseded) may still settle later, and its result is then ignored. */
  const scanNumber = useRef(0);
  const refreshGrid = () => setGridVersion((v) => v + 1);

  /** Reads a sheet's header, mapping and samples; never throws. */
  const readPreview = useCallback(
    async (target: string | undefined, withMapping: ColumnMapping | undefined): Promise<PreviewRead> => {
      if (!session) return {};
      try {
        const next = await session.preview(target, withMapping);
        return next.orders > 0 ? { preview: next } : { preview: next, error: { kind: "noOrders" } };
      } catch (caught) {
        return { error: classifyError(caught, "load") };
      }
    },
    [session],
  );

  /** Shows a read: a sheet without orders is a warning with the sheet picker still there, not a dead end. */
  const showPreview = useCallback((read: PreviewRead) => {
    setPreview(read.preview);
    // A confident detection stays folded to one line; a missing or doubtful column (or no orders) opens it.
    if (read.error || (read.preview && !mappingReview(read.preview).confident))
      setOpenPanels((open) => (open.includes("mapping") ? open : [...open, "mapping"]));
    if (read.preview) {
      setSheet(read.preview.sheet);
      if (read.preview.sheets.length > 0) setSheets(read.preview.sheets);
    }
    setError(read.error);
  }, []);

  const loadPreview = useCallback(
    async (target: string | undefined, withMapping: ColumnMapping | undefined) =>
      showPreview(await readPreview(target, withMapping)),
    [readPreview, showPreview],
  );

  const load = useCallback(async () => {
    if (!session) return;
    setPhase("loading");
    setError(undefined);
    try {
      const saved: Partial<ScanSettings> = await session.loadSettings().catch(() => ({}));
      const listed = await session.listSheets();
      const names = listed.map((s) => s.name);
      setSheets(names);
      setOptions(await optionsFromSaved(saved));
      setDate1904(savedDate1904(saved));
      setSettingsLoaded(true);
      const savedSheet = saved.sheet !== undefined && names.includes(saved.sheet) ? saved.sheet : undefined;
      const target = savedSheet ?? listed.find((s) => s.active)?.name;
      const savedMapping = savedSheet !== undefined ? saved.mapping : undefined;
      setMapping(savedMapping);
      let read = await readPreview(target, savedMapping);
      // The active sheet holds no order table (a read-me, a pivot): look for one on the next few sheets.
      if (savedSheet === undefined && read.error?.kind === "noOrders") {
        for (const name of names.filter((n) => n !== target).slice(0, OTHER_SHEETS_TRIED)) {
          const other = await readPreview(name, undefined);
          if (other.preview && !other.error) {
            read = other;
            break;
          }
        }
      }
      showPreview(read);
    } catch (caught) {
      setError(classifyError(caught, "load"));
    } finally {
      setPhase("ready");
    }
  }, [session, readPreview, showPreview]);

  useEffect(() => {
    void load();
  }, [load]);

  const onSheetChange = async (next: string) => {
    // The picker shows the seller's pick even when that sheet cannot be read, so picking the order sheet again is a
    // change the picker reports (a picker snapped back to it would not be).
    setSheet(next);
    setMapping(undefined);
    setOutcome(undefined);
    setNotice(undefined);
    setBusy(true);
    await loadPreview(next, undefined);
    setBusy(false);
    setGridSheet(next);
  };

  const onFieldChange = async (field: CanonicalField, header: string | undefined) => {
    if (!preview) return;
    const next = withField(mapping, field, header);
    setMapping(next);
    setBusy(true);
    await loadPreview(sheet, next);
    setBusy(false);
  };

  const runScan = async () => {
    if (!session) return;
    const settings = toScanSettings(options, { sheet, mapping, lang });
    if (!settings) return;
    const scanKey = currentKey;
    scanController.current?.abort();
    const controller = new AbortController();
    scanController.current = controller;
    const number = ++scanNumber.current;
    setPhase("scanning");
    setProgress({ stage: "read", fraction: 0 });
    setError(undefined);
    setNotice(undefined);
    setSelectedRow(undefined);

    let saveFailed: PaneError | undefined;
    const saving: SavedPaneSettings = { ...settings, date1904 };
    try {
      await session.saveSettings(saving);
    } catch (caught) {
      saveFailed = { kind: "settingsUnsaved", detail: classifyError(caught).detail };
    }
    try {
      const result = await session.scan(
        settings,
        (p) => {
          if (scanNumber.current === number) setProgress(p);
        },
        controller.signal,
      );
      if (scanNumber.current !== number || controller.signal.aborted) return;
      setOutcome(result);
      setFilter(undefined);
      setScannedWith(scanKey);
      const detected = detectedDate1904(result);
      if (detected !== undefined && detected !== date1904) {
        setDate1904(detected);
        // Saved for the formulas at the workbook's next opening; the results need not wait for it.
        const withDateSystem: SavedPaneSettings = { ...saving, date1904: detected };
        void session.saveSettings(withDateSystem).catch(() => undefined);
      }
      setOpenPanels([]);
      setError(saveFailed);
    } catch (caught) {
      if (scanNumber.current !== number) return;
      if (controller.signal.aborted || isAbortError(caught)) setNotice({ intent: "info", text: strings.scanCancelled });
      else setError(classifyError(caught, "scan"));
    } finally {
      if (scanNumber.current === number) {
        scanController.current = null;
        setPhase("ready");
        setProgress(null);
        setGridSheet(settings.sheet);
        refreshGrid();
      }
    }
  };

  const cancelScan = () => {
    scanController.current?.abort();
    scanController.current = null;
    // Return the pane at once: a host slow to honour the signal must not leave a spinner behind.
    scanNumber.current++;
    setPhase("ready");
    setProgress(null);
    setNotice({ intent: "info", text: strings.scanCancelled });
    refocusScan.current = true;
    refreshGrid();
  };

  useEffect(() => {
    if (phase !== "ready" || !refocusScan.current) return;
    refocusScan.current = false;
    scanButton.current?.focus();
  }, [phase]);

  /** Runs a workbook action from the results panel; its failure lands in the MessageBar. */
  const act = async (action: () => Promise<Notice | undefined>) => {
    if (!session) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
    } catch (caught) {
      setError(classifyError(caught));
    } finally {
      setBusy(false);
      refreshGrid();
    }
  };

  const onClear = () =>
    act(async () => {
      const { restoredRows } = await session!.clearHighlights(outcome?.plan.sheet ?? sheet);
      return { intent: "success", text: strings.clearedRows(restoredRows) };
    });

  const onOpenSummary = () =>
    act(async () => {
      await session!.openSummary();
      if (outcome) setGridSheet(outcome.summary.sheetName);
      return undefined;
    });

  const onSelectOrder = (row: number) =>
    act(async () => {
      const target = outcome?.result.source.sheet ?? sheet;
      if (target === undefined) return undefined;
      await session!.selectRow(target, row);
      setSelectedRow(row);
      setGridSheet(target);
      return undefined;
    });

  const retry = () => {
    if (error?.retry === "scan") void runScan();
    else void load();
  };

  const flagged = useMemo(() => (outcome ? flaggedOrders(outcome.result.findings, lang) : []), [outcome, lang]);
  const counts = useMemo(() => (outcome ? codeCounts(outcome.result, outcome.plan) : []), [outcome]);
  /** A count pressed in the results: show its orders and bring the list into view. */
  const filterFromCount = (code: ViolationCode | undefined) => {
    setFilter(code);
    window.requestAnimationFrame(() =>
      document.getElementById("ae-flagged-heading")?.scrollIntoView?.({ block: "start" }),
    );
  };
  const headers = useMemo(() => (preview ? headerChoices(preview) : []), [preview]);
  const rows = useMemo(() => (preview ? mappingRows(preview) : []), [preview]);
  const review = useMemo(() => (preview ? mappingReview(preview) : undefined), [preview]);
  const canScan =
    session !== null &&
    phase === "ready" &&
    !busy &&
    preview !== undefined &&
    Object.keys(optionProblems(options)).length === 0;
  const scanning = phase === "scanning";
  const problems = optionProblems(options);
  /** Scan would run but for an invalid option: pressing it leads to that option instead. */
  const blockedByOptions = !canScan && Object.keys(problems).length > 0 && session !== null && phase === "ready";
  const currentKey = JSON.stringify([sheet, mapping ?? {}, options]);
  const outOfDate = outcome !== undefined && scannedWith !== undefined && scannedWith !== currentKey;

  const revealBadOption = (event: React.MouseEvent) => {
    const key = firstProblem(problems);
    if (key === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    setOpenPanels((open) => (open.includes("options") ? open : [...open, "options"]));
    setFocusOption(key);
  };

  useEffect(() => {
    if (focusOption === undefined) return;
    // The panel's content mounts with its opening animation: look for the field on the next frames.
    let frames = FOCUS_WAIT_FRAMES;
    let handle = 0;
    const tryFocus = () => {
      const field = document.querySelector<HTMLElement>(`[${OPTION_ATTRIBUTE}="${focusOption}"]`);
      if (field) {
        field.focus();
        setFocusOption(undefined);
      } else if (frames-- > 0) handle = window.setTimeout(tryFocus, FRAME_MS);
    };
    tryFocus();
    return () => window.clearTimeout(handle);
  }, [focusOption, openPanels]);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={styles.provider} lang={lang}>
      <div className={styles.layout}>
        <main className={styles.pane} aria-busy={phase !== "ready" || busy}>
          <header className={styles.header}>
            <ShieldCheckmarkRegular className={styles.headerIcon} aria-hidden="true" />
            <div className={styles.headerText}>
              <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
              <Caption1 className={styles.muted}>{strings.appSubtitle}</Caption1>
            </div>
          </header>

          {browserPreview ? (
            <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
              <MessageBarBody>
                {strings.previewBanner(
                  formatMinute(browserPreview.asOf, browserPreview.timeZone),
                  browserPreview.timeZone,
                )}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {error ? (
            <ErrorBar
              error={error}
              strings={strings}
              onRetry={session && error.retry ? retry : undefined}
              onDismiss={() => setError(undefined)}
            />
          ) : null}
          {notice ? (
            <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}

          {/* Always present, so screen readers hear each notice and error as it appears. */}
          <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="announcer">
            {notice?.text ?? ""}
          </div>
          <div role="alert" aria-live="assertive" className={styles.visuallyHidden} data-testid="error-announcer">
            {error
              ? strings.errorAnnouncement(strings.errors[error.kind].title, strings.errors[error.kind].action)
              : ""}
          </div>

          {phase === "loading" ? <Spinner label={strings.loading} /> : null}

          {phase !== "loading" && session ? (
            <>
              {scanning ? (
                <ScanProgress progress={progress} strings={strings} onCancel={cancelScan} />
              ) : outcome ? null : (
                // Capture: a disabledFocusable button swallows its own click; the wrapper still hears it.
                <div className={styles.scanArea} onClickCapture={blockedByOptions ? revealBadOption : undefined}>
                  <Button
                    className={styles.scan}
                    appearance="primary"
                    size="large"
                    icon={<ScanRegular />}
                    ref={scanButton}
                    disabled={!canScan && !blockedByOptions && !busy}
                    disabledFocusable={blockedByOptions || (!canScan && busy)}
                    aria-describedby={blockedByOptions ? "ae-scan-blocked" : undefined}
                    onClick={() => void runScan()}
                  >
                    {strings.scanButton}
                  </Button>
                  {blockedByOptions ? (
                    <Caption1 id="ae-scan-blocked" className={styles.blocked} data-testid="scan-blocked">
                      {strings.scanBlocked}
                    </Caption1>
                  ) : null}
                </div>
              )}

              <Accordion
                multiple
                collapsible
                openItems={openPanels}
                onToggle={(_, data) => setOpenPanels(data.openItems.map(String))}
              >
                <AccordionItem value="mapping">
                  <AccordionHeader as="h2">
                    <span className={styles.headerLines}>
                      <span>{strings.mappingHeading}</span>
                      {review ? (
                        <Caption1 className={styles.muted} data-testid="mapping-summary">
                          {`${strings.columnsFound(review.found, review.total)} · ${strings.reviewColumns}`}
                        </Caption1>
                      ) : null}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel className={styles.panelBody}>
                    <MappingPanel
                      strings={strings}
                      sheets={sheets}
                      sheet={sheet}
                      headerRow={preview?.header.headerRow}
                      orders={preview?.orders}
                      unreadableCells={preview?.unreadableCells}
                      headers={headers}
                      rows={rows}
                      attention={review?.attention ?? []}
                      disabled={scanning || busy}
                      onSheetChange={(next) => void onSheetChange(next)}
                      onFieldChange={(field, header) => void onFieldChange(field, header)}
                    />
                  </AccordionPanel>
                </AccordionItem>
                <AccordionItem value="options">
                  <AccordionHeader as="h2">{strings.optionsHeading}</AccordionHeader>
                  <AccordionPanel className={styles.panelBody}>
                    <Suspense fallback={<Spinner size="tiny" label={strings.loading} />}>
                      <OptionsPanel
                        options={options}
                        strings={strings}
                        disabled={scanning}
                        deadlineColumn={preview?.header.columns.shipDeadline?.header}
                        onChange={setOptions}
                      />
                    </Suspense>
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>

              {outcome && !scanning ? (
                <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
                  {outOfDate ? (
                    <MessageBar intent="warning" layout="multiline" data-testid="out-of-date">
                      <MessageBarBody>{strings.outOfDate}</MessageBarBody>
                      <MessageBarActions>
                        <Button appearance="primary" disabled={!canScan} onClick={() => void runScan()}>
                          {strings.scanAgainButton}
                        </Button>
                      </MessageBarActions>
                    </MessageBar>
                  ) : null}
                  <ResultsPanel
                    outcome={outcome}
                    lang={lang}
                    strings={strings}
                    busy={busy}
                    canScan={canScan}
                    onClear={() => void onClear()}
                    onOpenSummary={() => void onOpenSummary()}
                    onScanAgain={() => void runScan()}
                    onSelectRow={(row) => void onSelectOrder(row)}
                    filter={filter}
                    onFilter={filterFromCount}
                  />
                  <FlaggedList
                    orders={flagged}
                    plan={outcome.plan}
                    strings={strings}
                    selectedRow={selectedRow}
                    onSelect={(order) => void onSelectOrder(order.row)}
                    counts={counts}
                    filter={filter}
                    onFilter={setFilter}
                  />
                </Suspense>
              ) : null}
            </>
          ) : null}
        </main>

        {browserPreview && phase !== "loading" ? (
          <div className={styles.gridColumn}>
            <Suspense fallback={<Spinner size="small" />}>
              <SheetPreviewGrid
                source={browserPreview.grid}
                sheet={gridSheet ?? sheet ?? ""}
                strings={strings}
                version={gridVersion}
                onSheetChange={setGridSheet}
              />
            </Suspense>
          </div>
        ) : null}
      </div>
    </FluentProvider>
  );
}
