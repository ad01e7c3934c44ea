/**
 * The task pane in a real browser: headless Chromium opens the offline build's taskpane.html, where office.js
 * reports no host, so the pane runs its browser preview on the bundled sample workbook. Checks what a seller sees
 * (counts, coloured rows, keyboard, no overflow at 320 px, no serious accessibility violations) and records the
 * first-render time and the JS the pane downloads, for BENCHMARKS.md.
 *
 * Needs /usr/bin/chromium (CI installs it); never downloads a browser. Builds into test-output/preview-dist so
 * `npm run build`'s dist/ is left alone; set AE_GUARD_PREVIEW_DIST to a folder that holds an offline build to skip
 * the build.
 */
import { onlineRateNotes } from "../../src/core/report/summary";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, serve } from "../../scripts/preview";
import { createPreviewWorkbook } from "../../src/taskpane/preview/previewSession";
import { stringsFor } from "../../src/taskpane/i18n";
import type { ScanOutcome } from "../../src/excel/session";
import { formatTimeLeft } from "../../src/core/evaluate/durations";
import { localized } from "../../src/taskpane/i18n";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const OUTPUT = path.join(ROOT, "test-output");
const DIST = process.env.AE_GUARD_PREVIEW_DIST
  ? path.resolve(process.env.AE_GUARD_PREVIEW_DIST)
  : path.join(OUTPUT, "preview-dist");
const PANE_BUDGET_GZIP_BYTES = 250 * 1024;
const en = stringsFor("en");
const zh = stringsFor("zh-CN");

const haveChromium = existsSync(CHROMIUM);
const describeWithBrowser = haveChromium ? describe : describe.skip;

if (!haveChromium) {
  if (process.env.CI) {
    test("Chromium is installed for the browser test", () => {
      throw new Error(
        `${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium) for the browser test.`,
      );
    });
  } else {
    console.warn(
      `Skipping the task pane browser test: ${CHROMIUM} is missing (apt-get install -y chromium to run it).`,
    );
  }
}

function hexToRgb(hex: string): string {
  const n = parseInt(hex.replace("#", ""), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Runs axe-core in the page; returns each violation with its first three offending nodes. */
async function runAxe(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    type AxeViolation = { id: string; impact?: string; help: string; nodes: Array<{ target: unknown }> };
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target),
    }));
  });
}

describeWithBrowser("task pane in headless Chromium (browser preview)", () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  let reference: ScanOutcome;
  const metrics: Record<string, number | string> = {};

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    if (!process.env.AE_GUARD_PREVIEW_DIST || !existsSync(path.join(DIST, "taskpane.html"))) build(DIST);
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("assets/office-js/office.js"); // the offline build: no CDN on this machine
    ({ url, close } = await serve({ root: DIST, port: 0 }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    // What the same session computes for the pane's default settings, to compare the page against.
    reference = await createPreviewWorkbook("en", {
      latencyMs: 0,
    }).session.scan({
      sheet: "Orders",
      timeZone: "America/Los_Angeles",
      handlingDays: 7,
      dueSoonHours: 24,
      lang: "en",
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
    if (Object.keys(metrics).length > 0) {
      writeFileSync(path.join(OUTPUT, "taskpane-preview-metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
    }
  });

  /** A page that only talks to the local server (office.js's telemetry iframe would go to the internet). */
  async function openPane(options: { width: number; height?: number; query?: string; waitForPane?: boolean }) {
    const context = await browser.newContext({
      viewport: { width: options.width, height: options.height ?? 900 },
    });
    const page = await context.newPage();
    const local = new URL(url).origin;
    await page.route("**/*", (route) => (route.request().url().startsWith(local) ? route.continue() : route.abort()));
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const scripts: Array<{ url: string; bytes: number }> = [];
    page.on("response", async (response) => {
      const at = response.url();
      if (!at.startsWith(local) || !at.endsWith(".js") || at.includes("/assets/office-js/")) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.push({
        url: at.slice(local.length),
        bytes: gzipSync(body, { level: 9 }).length,
      });
    });
    await page.goto(url + (options.query ?? ""));
    if (options.waitForPane !== false)
      await page.waitForSelector('[data-testid="mapping-summary"]', {
        timeout: 20_000,
      });
    const firstRenderMs = await page.evaluate(() => performance.now());
    return { context, page, errors, scripts, firstRenderMs };
  }

  async function scan(page: Page, strings = en) {
    const started = Date.now();
    await page.getByRole("button", { name: strings.scanButton }).click();
    await page.waitForSelector('[data-testid="code-counts"]', {
      timeout: 30_000,
    });
    return Date.now() - started;
  }

  test("scans the sample: counts match the scan, flagged rows are coloured, Enter selects a row, no serious axe violations", async () => {
    const { context, page, errors, scripts } = await openPane({ width: 1280 });
    expect(await page.getByTestId("preview-banner").isVisible()).toBe(true);
    const scanMs = await scan(page);

    // Counts per code on the page = the scan's counts.
    const shown = await page.$$eval('[data-testid="code-counts"] tr[data-code]', (rows) =>
      Object.fromEntries(
        rows.map((row) => [row.getAttribute("data-code"), Number(row.querySelector("td:last-child")!.textContent)]),
      ),
    );
    expect(shown).toEqual(reference.result.totals.byCode);
    expect(Object.keys(shown).length).toBeGreaterThan(2);

    // Semi-managed rows are counted apart, and the store's online rate reads as on the summary sheet.
    const warehouseOrders = reference.result.totals.warehouseOrders;
    expect(warehouseOrders).toBeGreaterThan(0);
    expect(await page.getByTestId("warehouse-orders").textContent()).toBe(en.warehouseFact(warehouseOrders));
    const onlineRate = (await page.getByTestId("online-rate").textContent()) ?? "";
    for (const note of onlineRateNotes(reference.result.totals.onlineRate, "en")) expect(onlineRate).toContain(note);

    // A flagged row in the grid wears its category's highlight colour; the header keeps the seller's grey.
    const late = reference.plan.rows.find((r) => r.category === "late")!;
    const lateColor = reference.plan.legend.find((l) => l.category === "late")!.color;
    const cell = page.locator(`[data-testid="sheet-preview"] tr[data-row="${late.row}"] td`).first();
    await page.waitForFunction(
      ([row, rgb]) => {
        const td = document.querySelector(`[data-testid="sheet-preview"] tr[data-row="${row}"] td`);
        return td !== null && getComputedStyle(td).backgroundColor === rgb;
      },
      [late.row, hexToRgb(lateColor)] as const,
      { timeout: 10_000 },
    );
    expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(hexToRgb(lateColor));

    // Keyboard: Tab to the first flagged order and press Enter: the workbook selects its row.
    const first = page.locator('[aria-labelledby="ae-flagged-heading"] button[data-row]').first();
    const row = Number(await first.getAttribute("data-row"));
    await first.focus();
    await page.keyboard.press("Enter");
    await page.getByText(en.previewSelectedRow(row)).waitFor({ timeout: 10_000 });
    expect(await first.getAttribute("aria-current")).toBe("true");

    // The to-do leads the results: the what-if line, then the orders to ship by time left; a click selects the row.
    const actions = reference.actions!;
    expect(await page.getByTestId("what-if").textContent()).toBe(actions.whatIf.sentence.en);
    const firstToShip = page.locator('[aria-labelledby="ae-ship-now-heading"] button[data-row]').first();
    const shipRow = Number(await firstToShip.getAttribute("data-row"));
    expect(shipRow).toBe(actions.shipNow.items[0]!.row);
    await firstToShip.click();
    await page.getByText(en.previewSelectedRow(shipRow)).waitFor({ timeout: 10_000 });
    // Its buyer message draft unfolds under it, in the buyer's language, with a copy button.
    const draft = actions.messages.find((message) => message.row === shipRow)!;
    const details = page.locator("[data-testid=ship-now] details").first();
    await details.locator("summary").click();
    expect(await details.locator("p").textContent()).toBe(draft.text);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
    await details.getByRole("button", { name: en.copyMessage }).click();
    await details.getByRole("button", { name: en.messageCopied }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(draft.text);
    // Above it all, the count in each section of the to-do.
    const todo = page.getByTestId("todo-counts");
    expect(await todo.locator('[data-section="appeals"]').textContent()).toBe(
      `${en.toDoSections.appeals} ${actions.appealEvidence.length}`,
    );
    expect(await todo.locator('[data-section="messages"]').textContent()).toBe(
      `${en.toDoSections.messages} ${actions.messages.length}`,
    );

    const violations = await runAxe(page);
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);

    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-preview.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);

    // The page also hosts the custom functions and ribbon commands (shared runtime); those are not the pane's.
    const paneScripts = scripts.filter((s) => s.url !== "/functions.js" && s.url !== "/commands.js");
    const paneJs = paneScripts.reduce((sum, s) => sum + s.bytes, 0);
    const taskpaneJs = scripts.find((s) => s.url === "/taskpane.js")!.bytes;
    Object.assign(metrics, {
      scanMs,
      taskpaneJsGzipBytes: taskpaneJs,
      previewPaneJsGzipBytes: paneJs,
      pageScriptsGzipBytes: scripts.map((s) => `${s.url} ${s.bytes}`).join(", "),
      axeViolations: violations.map((v) => `${v.id}(${v.impact})`).join(", ") || "none",
    });
    // The pane's own bundle (what Excel loads before the scan engine) stays within budget.
    expect(taskpaneJs).toBeLessThanOrEqual(PANE_BUDGET_GZIP_BYTES);
    await context.close();
  }, 120_000);

  test("first screen at 320 × 700: Scan is in sight and a few Tab stops away, the confident mapping is one line", async () => {
    for (const [query, strings] of [
      ["", en],
      ["?lang=zh-CN", zh],
    ] as const) {
      const { context, page, errors } = await openPane({ width: 320, height: 700, query });
      const scanButton = page.getByRole("button", { name: strings.scanButton });
      const box = (await scanButton.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(700);
      expect(await page.getByTestId("mapping-summary").textContent()).toBe(
        `${strings.columnsFound(15, 17)} · ${strings.reviewColumns}`,
      );
      expect(await page.getByTestId("mapping-table").count()).toBe(0);
      // Keyboard: Scan is reached within a few Tab stops from the top of the page.
      let stops = 0;
      for (; stops < 6; stops++) {
        await page.keyboard.press("Tab");
        if (await scanButton.evaluate((button) => button === document.activeElement)) break;
      }
      expect(stops).toBeLessThan(6);
      // Review opens the mapping; long headers in the pickers carry their full text as a tooltip.
      await page.getByRole("button", { name: strings.mappingHeading }).click();
      const picker = page.getByTestId("map-trackingNumber");
      expect(await picker.getAttribute("title")).toBe(await picker.inputValue());
      expect(await picker.inputValue()).toContain(":");
      // A sheet with no order table says why and stays picked; picking the order sheet again by mouse recovers.
      const sheetPicker = page.getByRole("combobox", { name: strings.sheetLabel });
      const orderSheet = await sheetPicker.inputValue();
      await sheetPicker.selectOption({ index: 0 });
      await page.locator("[data-error-kind]").waitFor();
      expect(await sheetPicker.inputValue()).not.toBe(orderSheet);
      await sheetPicker.selectOption(orderSheet);
      await page.locator("[data-error-kind]").waitFor({ state: "detached" });
      await page.getByTestId("mapping-table").waitFor();
      const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test("staying true at 320 px: an impossible date blocks Scan, Scan leads to it, results go out of date", async () => {
    for (const [query, strings] of [
      ["", en],
      ["?lang=zh-CN", zh],
    ] as const) {
      const { context, page, errors } = await openPane({ width: 320, height: 700, query });
      await page.getByRole("button", { name: strings.optionsHeading }).click();
      const asOf = page.getByRole("textbox", { name: strings.asOfLabel });
      await asOf.fill("2025-02-30 10:00");
      await page.getByText(strings.asOfInvalid).waitFor();
      // The seller folds the options away and presses Scan: the options open again on the bad date.
      await page.getByRole("button", { name: strings.optionsHeading }).click();
      await asOf.waitFor({ state: "detached" });
      const scanButton = page.getByRole("button", { name: strings.scanButton });
      expect(await scanButton.getAttribute("aria-disabled")).toBe("true");
      // Disabled but focusable: the keyboard reaches it, and Enter (as a mouse press) leads to the bad option.
      await scanButton.focus();
      if (strings === en) await page.keyboard.press("Enter");
      else await scanButton.click({ force: true });
      await page.waitForFunction(
        (label) => document.activeElement === document.querySelector('[data-option="asOf"]') && label !== "",
        strings.asOfLabel,
      );
      expect(await page.getByText(strings.asOfInvalid).isVisible()).toBe(true);
      // Six-digit years are no dates either; a real one scans.
      await asOf.fill("202506-06-15 10:00");
      await page.getByText(strings.asOfInvalid).waitFor();
      await asOf.fill("");
      await scan(page, strings);
      expect(await page.getByTestId("out-of-date").count()).toBe(0);
      await page.getByRole("button", { name: strings.optionsHeading }).click();
      await page.getByRole("spinbutton", { name: strings.handlingDaysLabel }).fill("5");
      const stale = page.getByTestId("out-of-date");
      await stale.waitFor();
      await page.getByRole("spinbutton", { name: strings.handlingDaysLabel }).fill("400");
      await page.getByText(strings.handlingDaysOutOfRange(1, 365)).waitFor();
      await page.getByRole("spinbutton", { name: strings.handlingDaysLabel }).fill("5");
      await stale.getByRole("button", { name: strings.scanAgainButton }).click();
      await stale.waitFor({ state: "detached" });
      const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test("after a scan at 320 px: the results' top is in view and focused, counts filter, unread cells jump", async () => {
    for (const [query, strings] of [
      ["", en],
      ["?lang=zh-CN", zh],
    ] as const) {
      const { context, page, errors } = await openPane({ width: 320, height: 700, query });
      await scan(page, strings);
      const heading = page.getByRole("heading", { name: strings.resultsHeading });
      await page.waitForFunction(() => {
        const h = document.getElementById("ae-results-heading");
        if (!h || document.activeElement !== h) return false;
        const top = h.getBoundingClientRect().top;
        return top > -2 && top < window.innerHeight / 2; // sub-pixel layout
      });
      expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
      // What a seller sees after a scan (the README's screenshot, docs/taskpane-after-scan.png, comes from here).
      await page.screenshot({ path: path.join(OUTPUT, `taskpane-after-scan-320${strings === zh ? "-zh" : ""}.png`) });
      // The to-do leads: ship now comes right after the results' summary.
      const shipNowTop = (await page.getByTestId("ship-now").boundingBox())!.y;
      expect(shipNowTop).toBeLessThan(700 * 2);
      // Time left and late to the minute, in words ("11 d 5 h 18 min late" / "已超期 11 天 5 小时 18 分钟"), never
      // "269.3 h"; each deadline with its zone.
      const lang = strings === zh ? "zh-CN" : "en";
      const items = reference.actions!.shipNow.items.filter((item) => item.band !== "later");
      const shown = page.locator('[data-testid="ship-now"] li > button[data-row]');
      expect(await shown.count()).toBeGreaterThan(1);
      for (let i = 0; i < Math.min(3, items.length); i++) {
        const text = (await shown.nth(i).textContent()) ?? "";
        const item = items[i]!;
        expect(text).toContain(localized(formatTimeLeft(item.msLeft), lang));
        expect(text).toContain(`${item.deadlineInSheetZone}`);
        expect(text).toContain("America/Los_Angeles");
        expect(text).not.toMatch(/\d+\.\d+ ?(h|小时)/);
      }
      const anyLate = items.find((item) => item.msLeft < 0)!;
      expect(localized(formatTimeLeft(anyLate.msLeft), lang)).toMatch(
        lang === "en" ? /^(\d+ d )?(\d+ h )?(\d+ min )?late$/ : /^已超期 (\d+ 天 ?)?(\d+ 小时 ?)?(\d+ 分钟)?$/,
      );
      // The consequence is one sentence of the wording table, its confidence in words, no rule id.
      const consequence = (await page.getByTestId("consequence").textContent()) ?? "";
      expect(consequence).toMatch(
        lang === "en" ? /^Likely consequence at \d+ points: .+\)\.$/ : /^按 \d+ 分计，可能的处罚：.+）。$/,
      );

      // "Due soon 6" is a filter.
      const dueSoon = reference.result.totals.byCode.DUE_SOON!;
      await page.getByTestId("filter-DUE_SOON").click();
      await page
        .getByTestId("flagged-shown")
        .getByText(strings.filteredSummary(dueSoon, strings.codeLabels.DUE_SOON))
        .waitFor();
      expect(await page.locator('[data-testid="flagged"] button[data-row]').count()).toBe(dueSoon);
      const chips = page.getByTestId("filter-chips");
      await chips.getByRole("button", { name: strings.filterAll(reference.result.totals.flaggedOrders) }).click();
      expect(await page.locator('[data-testid="flagged"] button[data-row]').count()).toBe(
        Math.min(reference.result.totals.flaggedOrders, 50),
      );

      // The cells that could not be read, each with a jump to its row.
      const unreadable = reference.result.diagnostics.filter(
        (d) => d.row > 0 && d.problem !== "UNKNOWN_LOGISTICS_NAME",
      );
      const list = page.getByTestId("unreadable-list");
      await list.locator("summary").click();
      const cell = unreadable[0]!;
      await list.getByRole("button", { name: strings.jumpToRow(cell.row) }).click();
      await page.getByText(strings.previewSelectedRow(cell.row)).waitFor({ timeout: 10_000 });
      expect(await page.getByTestId("consequence").textContent()).not.toMatch(/\(R\d+\)/);
      const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test("rulebook override at 320 px: a refusal names the key in the pane's language; a UTF-16 file is read", async () => {
    for (const [query, strings] of [
      ["", en],
      ["?lang=zh-CN", zh],
    ] as const) {
      const { context, page, errors } = await openPane({ width: 320, height: 700, query });
      await page.getByRole("button", { name: strings.optionsHeading }).click();
      const input = page.getByTestId("rulebook-file");
      await input.setInputFiles({
        name: "rules.json",
        mimeType: "application/json",
        buffer: Buffer.from('{ "handlingDays": -3 }'),
      });
      const refusal = page.getByTestId("rulebook-error");
      await refusal.waitFor();
      const text = (await refusal.textContent()) ?? "";
      expect(text).toContain("rules.json");
      expect(text).toContain("handlingDays");
      expect(text).toContain("-3");
      if (strings === zh) {
        expect(text).toContain("自定义规则文件：handlingDays 必须大于 0（当前为 -3）");
        expect(text).not.toMatch(/Rulebook override|must be/);
      } else expect(text).toContain("handlingDays must be more than 0 (got -3)");
      const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect({ state: "refused", serious }).toEqual({ state: "refused", serious: [] });

      // Windows Notepad's "Unicode" (UTF-16 LE with a BOM) is decoded.
      const json = '{ "version": "shop-3", "handlingDays": 4 }';
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]);
      await input.setInputFiles({ name: "unicode.json", mimeType: "application/json", buffer: utf16 });
      await refusal.waitFor({ state: "detached" });
      expect(await page.getByTestId("rulebook-status").textContent()).toContain("unicode.json");
      await scan(page, strings);
      const after = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect({ state: "scanned with override", serious: after }).toEqual({
        state: "scanned with override",
        serious: [],
      });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test("the scan engine is fetched at the first Scan, not when the pane opens", async () => {
    const { context, page, scripts, errors } = await openPane({ width: 320, height: 700 });
    const scanEngineLoaded = () => scripts.some((s) => s.url === "/scan.js");
    expect(scanEngineLoaded()).toBe(false);
    await scan(page);
    for (let i = 0; i < 50 && !scanEngineLoaded(); i++) await page.waitForTimeout(100); // responses are read async
    expect(scanEngineLoaded()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("accessibility at 320 px in loading and busy states: named spinner, focus kept, notices announced, axe clean", async () => {
    for (const [query, strings] of [
      ["?latency=800", en],
      ["?latency=800&lang=zh-CN", zh],
    ] as const) {
      const { context, page, errors } = await openPane({ width: 320, height: 700, query, waitForPane: false });
      const seriousNow = async (state: string) => {
        const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
        expect({ state, serious }).toEqual({ state, serious: [] });
      };
      // Loading: the spinner has a name.
      await page.getByRole("progressbar", { name: strings.loading }).waitFor();
      await seriousNow("loading");
      await page.getByTestId("mapping-summary").waitFor({ timeout: 30_000 });

      // Scanning: the Cancel button takes the focus; Cancel is announced and gives the focus back to Scan.
      await page.getByRole("button", { name: strings.scanButton }).click();
      const cancel = page.getByRole("button", { name: strings.cancelButton });
      await cancel.waitFor();
      await page.waitForFunction((name) => document.activeElement?.textContent === name, strings.cancelButton);
      await seriousNow("scanning");
      await page.keyboard.press("Enter");
      await page.getByTestId("announcer").getByText(strings.scanCancelled).waitFor();
      await page.waitForFunction((name) => document.activeElement?.textContent === name, strings.scanButton);

      // A busy action keeps the focus on its (now disabled) button, and its outcome is announced.
      await page.keyboard.press("Enter");
      await page.getByTestId("code-counts").waitFor({ timeout: 60_000 });
      const clear = page.getByRole("button", { name: strings.clearButton });
      await clear.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.getAttribute("aria-disabled") === "true");
      expect(await clear.evaluate((button) => button === document.activeElement)).toBe(true);
      await seriousNow("busy");
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="announcer"]')?.textContent ?? "") !== "",
        undefined,
        { timeout: 30_000 },
      );
      expect(await clear.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(await page.getByTestId("announcer").textContent()).toBe(await page.getByTestId("notice").textContent());
      await seriousNow("after clear");
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 240_000);

  test("at the pane's narrowest width (320 px) nothing overflows sideways, in English and Chinese", async () => {
    for (const [query, strings, shot] of [
      ["", en, "taskpane-preview-320.png"],
      ["?lang=zh-CN", zh, "taskpane-preview-320-zh.png"],
    ] as const) {
      const { context, page, errors } = await openPane({
        width: 320,
        height: 1000,
        query,
      });
      await page.getByRole("button", { name: strings.optionsHeading }).click();
      await scan(page, strings);
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const pane = document.querySelector("main")!;
        // Elements of the pane wider than the pane itself (text that would be cut off or scroll sideways).
        const wide = [...pane.querySelectorAll<HTMLElement>("*")]
          .filter((el) => el.getBoundingClientRect().right > pane.getBoundingClientRect().right + 1)
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className.toString().split(" ")[0]}: ${el.textContent?.slice(0, 40)}`,
          );
        return {
          page: root.scrollWidth - root.clientWidth,
          pane: pane.scrollWidth - pane.clientWidth,
          wide,
        };
      });
      expect(overflow).toEqual({ page: 0, pane: 0, wide: [] });
      await page.screenshot({ path: path.join(OUTPUT, shot), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test("first render (figure for BENCHMARKS.md): median of three fresh loads", async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { context, firstRenderMs, errors } = await openPane({
        width: 1024,
      });
      times.push(firstRenderMs);
      expect(errors).toEqual([]);
      await context.close();
    }
    times.sort((a, b) => a - b);
    metrics.firstRenderMedianMs = Math.round(times[1]);
    metrics.firstRenderRunsMs = times.map(Math.round).join(", ");
  }, 120_000);

  test("dark theme (?theme=dark) has no serious axe violations either", async () => {
    const { context, page } = await openPane({
      width: 1024,
      query: "?theme=dark",
    });
    await scan(page);
    const serious = (await runAxe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    await context.close();
  }, 120_000);
});
