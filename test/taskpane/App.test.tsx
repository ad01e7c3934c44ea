/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Lang } from "../../src/core/model";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook";
import { App } from "../../src/taskpane/App";
import { stringsFor } from "../../src/taskpane/i18n";
import { SessionDouble } from "./sessionDouble";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

// jsdom lacks the Encoding API that every browser (and Excel's webviews) has; the rulebook file is decoded with it.
Object.assign(globalThis, {
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
});

const en = stringsFor("en");
const zh = stringsFor("zh-CN");

async function renderApp(session = new SessionDouble(), lang: Lang = "en") {
  const view = render(<App session={session} lang={lang} />);
  await openMapping(stringsFor(lang));
  return { session, ...view };
}

/** A confident detection folds the mapping to its summary line; the seller's Review opens it. */
async function openMapping(strings = en) {
  await screen.findByTestId("mapping-summary");
  if (!screen.queryByTestId("mapping-table"))
    fireEvent.click(screen.getByRole("button", { name: new RegExp(strings.mappingHeading) }));
  await screen.findByTestId("mapping-table");
}

function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled || element.getAttribute("aria-disabled") === "true";
}

function scanButton(strings = en) {
  return screen.getByRole("button", { name: strings.scanButton });
}

async function openOptions(strings = en) {
  fireEvent.click(screen.getByRole("button", { name: strings.optionsHeading }));
  await screen.findByText(strings.handlingDaysLabel);
}

async function scanToResults(session: SessionDouble, strings = en) {
  fireEvent.click(scanButton(strings));
  await screen.findByTestId("code-counts");
  expect(session.calls.scan).toHaveLength(1);
}

describe("task pane: sheet and column mapping", () => {
  test("a confident detection folds to one line; a doubtful column opens the mapping at that column", async () => {
    render(<App session={new SessionDouble()} lang="en" />);
    const summary = await screen.findByTestId("mapping-summary");
    expect(summary.textContent).toBe(`${en.columnsFound(5, 17)} · ${en.reviewColumns}`);
    expect(screen.queryByTestId("mapping-table")).toBeNull();
    // Scan is reachable at once, before the folded mapping and the options.
    const order = scanButton().compareDocumentPosition(summary);
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("a header that only partly names its field opens the mapping and marks that picker", async () => {
    const session = new SessionDouble();
    const read = session.preview.bind(session);
    session.preview = async (sheet, mapping) => {
      const preview = await read(sheet, mapping);
      const paidAt = preview.header.columns.paidAt!;
      return {
        ...preview,
        header: { ...preview.header, columns: { ...preview.header.columns, paidAt: { ...paidAt, confidence: 0.85 } } },
      };
    };
    render(<App session={session} lang="en" />);
    await screen.findByTestId("mapping-table");
    expect(screen.getByTestId("attention-paidAt").textContent).toBe(en.columnDoubtful);
    expect(screen.queryByTestId("attention-orderId")).toBeNull();
    // A long header can still be read in full: the picker carries it as its tooltip.
    expect(screen.getByTestId("map-paidAt").getAttribute("title")).toBe("付款时间");
  });

  test("shows the detected column for each field with a sample value and the unreadable-cell count", async () => {
    await renderApp();
    const orderId = screen.getByTestId("map-orderId") as HTMLSelectElement;
    expect(orderId.value).toBe("订单号");
    expect(screen.getByTestId("sample-orderId").textContent).toContain("8100000000000001");
    expect((screen.getByTestId("map-paidAt") as HTMLSelectElement).value).toBe("付款时间");
    expect(screen.getByTestId("sample-paidAt").textContent).toContain("2025-06-01 10:00");
    // A field the sheet has no column for is offered but not mapped.
    expect((screen.getByTestId("map-firstScanAt") as HTMLSelectElement).value).toBe("");
    expect(screen.getByTestId("mapping-facts").textContent).toContain(en.headerRowNote(2));
    expect(screen.getByTestId("mapping-facts").textContent).toContain(en.ordersFound(6));
    expect(screen.getByTestId("unreadable-cells").textContent).toBe(en.unreadableCells(1));
  });

  test("when the active sheet holds no orders, the pane finds the order sheet by itself", async () => {
    const session = new SessionDouble();
    session.activeSheet = "Notes";
    await renderApp(session);
    expect(session.calls.preview.map((call) => call.sheet)).toEqual(["Notes", "Orders"]);
    expect((screen.getByRole("combobox", { name: en.sheetLabel }) as HTMLSelectElement).value).toBe("Orders");
    expect(document.querySelector("[data-error-kind]")).toBeNull();
  });

  test("a column picked in a dropdown is re-previewed and passed to the scan", async () => {
    const { session } = await renderApp();
    fireEvent.change(screen.getByTestId("map-trackingNumber"), {
      target: { value: "备注" },
    });
    await waitFor(() => expect((screen.getByTestId("map-trackingNumber") as HTMLSelectElement).value).toBe("备注"));
    expect(session.calls.preview.at(-1)).toEqual({
      sheet: "Orders",
      mapping: { trackingNumber: "备注" },
    });
    await waitFor(() => expect(isDisabled(scanButton())).toBe(false));
    await scanToResults(session);
    expect(session.calls.scan[0].settings.mapping).toEqual({
      trackingNumber: "备注",
    });
    expect(session.calls.scan[0].settings.sheet).toBe("Orders");
  });

  test("choosing (not used) stores an empty header so detection does not bring the column back", async () => {
    const { session } = await renderApp();
    fireEvent.change(screen.getByTestId("map-trackingNumber"), {
      target: { value: "" },
    });
    await waitFor(() =>
      expect(session.calls.preview.at(-1)?.mapping).toEqual({
        trackingNumber: "",
      }),
    );
  });
});

describe("task pane: options", () => {
  test("the options and mapping are saved in the workbook and come back the next time the pane opens", async () => {
    const { session, unmount } = await renderApp();
    await openOptions();
    fireEvent.change(screen.getByRole("combobox", { name: en.timeZoneLabel }), {
      target: { value: "Asia/Shanghai" },
    });
    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "5" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: en.dueSoonLabel }), { target: { value: "48" } });
    fireEvent.change(screen.getByTestId("map-shippedAt"), {
      target: { value: "发货期限" },
    });
    await waitFor(() => expect(isDisabled(scanButton())).toBe(false));
    await scanToResults(session);

    expect(session.calls.saveSettings).toHaveLength(1);
    expect(session.calls.saveSettings[0]).toMatchObject({
      sheet: "Orders",
      timeZone: "Asia/Shanghai",
      handlingDays: 5,
      dueSoonHours: 48,
      mapping: { shippedAt: "发货期限" },
      lang: "en",
    });
    expect(session.calls.scan[0].settings).toEqual(session.calls.saveSettings[0]);

    unmount();
    await renderApp(session);
    expect(session.calls.preview.at(-1)).toEqual({
      sheet: "Orders",
      mapping: { shippedAt: "发货期限" },
    });
    await openOptions();
    expect(screen.getByRole("spinbutton", { name: en.handlingDaysLabel })).toHaveProperty("value", "5");
    expect(screen.getByRole("spinbutton", { name: en.dueSoonLabel })).toHaveProperty("value", "48");
    expect(screen.getByRole("combobox", { name: en.timeZoneLabel })).toHaveProperty("value", "Asia/Shanghai");
  }, 15_000);

  test("defaults: Pacific time, 7 handling days, 24 h due-soon window, as of now", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    const settings = session.calls.scan[0].settings;
    expect(settings).toMatchObject({
      timeZone: "America/Los_Angeles",
      handlingDays: 7,
      dueSoonHours: 24,
    });
    expect(settings.asOf).toBeUndefined();
  });

  test("an as-of moment is read in the sheet's time zone", async () => {
    const { session } = await renderApp();
    await openOptions();
    fireEvent.change(screen.getByLabelText(en.asOfLabel), {
      target: { value: "2025-06-15T12:00" },
    });
    await scanToResults(session);
    expect(session.calls.scan[0].settings.asOf).toBe("2025-06-15T12:00:00-07:00");
  });

  test("a zone not in the list can be typed in and is used for the scan", async () => {
    const { session } = await renderApp();
    await openOptions();
    fireEvent.change(screen.getByRole("combobox", { name: en.timeZoneLabel }), {
      target: { value: "__other__" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: en.timeZoneCustomLabel }), {
      target: { value: "Europe/Paris" },
    });
    await scanToResults(session);
    expect(session.calls.scan[0].settings.timeZone).toBe("Europe/Paris");
  });

  test("an unknown time zone or a negative number blocks the scan and says why", async () => {
    await renderApp();
    await openOptions();
    fireEvent.change(screen.getByRole("combobox", { name: en.timeZoneLabel }), {
      target: { value: "__other__" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: en.timeZoneCustomLabel }), {
      target: { value: "Mars/Olympus" },
    });
    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "-2" } });
    expect(await screen.findByText(en.timeZoneInvalid("Mars/Olympus"))).toBeTruthy();
    expect(screen.getByText(en.numberInvalid)).toBeTruthy();
    expect(isDisabled(scanButton())).toBe(true);
  });

  test("an impossible as-of date or a six-digit year says Not a real date and blocks the scan", async () => {
    const { session } = await renderApp();
    await openOptions();
    for (const typed of ["2025-02-30 10:00", "202506-06-15 10:00"]) {
      fireEvent.change(screen.getByRole("textbox", { name: en.asOfLabel }), { target: { value: typed } });
      expect(await screen.findByText(en.asOfInvalid)).toBeTruthy();
      expect(isDisabled(scanButton())).toBe(true);
    }
    fireEvent.click(scanButton());
    expect(session.calls.scan).toHaveLength(0);
  });

  test("handling days outside 1-365 are refused with the range", async () => {
    await renderApp();
    await openOptions();
    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "400" } });
    expect(await screen.findByText(en.handlingDaysOutOfRange(1, 365))).toBeTruthy();
    expect(isDisabled(scanButton())).toBe(true);
  });

  test("pressing Scan while an option blocks it opens the options and focuses that option, with the reason", async () => {
    const { session } = await renderApp();
    await openOptions();
    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "0" } });
    // The seller folds the options away, then presses Scan.
    fireEvent.click(screen.getByRole("button", { name: new RegExp(en.optionsHeading) }));
    await waitFor(() => expect(screen.queryByText(en.handlingDaysLabel)).toBeNull());
    expect(screen.getByTestId("scan-blocked").textContent).toBe(en.scanBlocked);
    fireEvent.click(scanButton());
    const field = await screen.findByRole("spinbutton", { name: en.handlingDaysLabel });
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByText(en.handlingDaysOutOfRange(1, 365))).toBeTruthy();
    expect(session.calls.scan).toHaveLength(0);
  });

  test("a sheet with a ship-by deadline column says the handling days only fill its blanks", async () => {
    await renderApp();
    await openOptions();
    expect(screen.getByText(en.handlingDaysUnused("发货期限"))).toBeTruthy();
  });

  test("a rulebook override with a bad value shows the loader's message naming the key and value", async () => {
    const { session } = await renderApp();
    await openOptions();
    const file = new File(['{ "handlingDays": -3 }'], "my-rules.json", {
      type: "application/json",
    });
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: { files: [file] },
    });
    const message = await screen.findByTestId("rulebook-error");
    expect(message.textContent).toContain("my-rules.json");
    expect(message.textContent).toContain("handlingDays");
    expect(message.textContent).toContain("-3");
    await scanToResults(session);
    expect(session.calls.scan[0].settings.rulebookOverride).toBeUndefined();
  });

  test("in Chinese, a refused rulebook override says why in Chinese, naming the file, the key and the value", async () => {
    const zh = stringsFor("zh-CN");
    await renderApp(new SessionDouble(), "zh-CN");
    await openOptions(zh);
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: { files: [new File(['{ "handlingDays": -3, "famlies": {} }'], "规则.json")] },
    });
    const message = (await screen.findByTestId("rulebook-error")).textContent ?? "";
    expect(message).toContain("未使用 规则.json。自定义规则文件：");
    expect(message).toContain("handlingDays 必须大于 0（当前为 -3）");
    expect(message).toContain('没有设置项 "famlies"');
    expect(message).not.toMatch(/Rulebook override|must be|Too small/);
  });

  test("a valid rulebook override is named and sent with the scan", async () => {
    const { session } = await renderApp();
    await openOptions();
    const json = '{ "version": "shop-1", "handlingDays": 5 }';
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: {
        files: [new File([json], "shop.json", { type: "application/json" })],
      },
    });
    const loaded = en.rulebookLoaded("shop.json", "aliexpress", `${ALIEXPRESS_RULEBOOK.version}+shop-1`);
    await waitFor(() => expect(screen.getByTestId("rulebook-status").textContent).toBe(loaded));
    expect(screen.queryByTestId("rulebook-error")).toBeNull();
    await scanToResults(session);
    expect(session.calls.scan[0].settings.rulebookOverride).toBe(json);
  });

  test("a message-wording file is checked when picked: a bad one names the file and key and is not sent", async () => {
    const { session } = await renderApp();
    await openOptions();
    const bad = JSON.stringify({ en: { delay: "Order {orderId} is late." } });
    fireEvent.change(screen.getByTestId("templates-file"), {
      target: { files: [new File([bad], "wording.json", { type: "application/json" })] },
    });
    const message = await screen.findByTestId("templates-error");
    expect(message.textContent).toContain("wording.json");
    expect(message.textContent).toContain("en.delay");
    await scanToResults(session);
    expect(session.calls.scan[0].settings.templatesOverride).toBeUndefined();
  });

  test("a good message-wording file is named and sent with the scan", async () => {
    const { session } = await renderApp();
    await openOptions();
    const json = JSON.stringify({ en: { delay: "Dear buyer, order {orderId} leaves by {shipDate}." } });
    fireEvent.change(screen.getByTestId("templates-file"), {
      target: { files: [new File([json], "wording.json", { type: "application/json" })] },
    });
    await waitFor(() =>
      expect(screen.getByTestId("templates-status").textContent).toBe(en.templatesLoaded("wording.json")),
    );
    await scanToResults(session);
    expect(session.calls.scan[0].settings.templatesOverride).toEqual({ file: "wording.json", json });
  });

  test("a rulebook saved as UTF-16 or with a UTF-8 BOM (Windows Notepad) is decoded", async () => {
    const { session } = await renderApp();
    await openOptions();
    const json = '{ "version": "shop-2", "handlingDays": 4 }';
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i++) utf16[2 + i * 2] = json.charCodeAt(i);
    const loaded = (file: string) => en.rulebookLoaded(file, "aliexpress", `${ALIEXPRESS_RULEBOOK.version}+shop-2`);
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: { files: [new File([utf16], "unicode.json")] },
    });
    await waitFor(() => expect(screen.getByTestId("rulebook-status").textContent).toBe(loaded("unicode.json")));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: { files: [new File([bom], "bom.json")] },
    });
    await waitFor(() => expect(screen.getByTestId("rulebook-status").textContent).toBe(loaded("bom.json")));
    await scanToResults(session);
    expect(session.calls.scan[0].settings.rulebookOverride).toBe(json);
  });

  test("not JSON at all is reported as such", async () => {
    await renderApp();
    await openOptions();
    fireEvent.change(screen.getByTestId("rulebook-file"), {
      target: { files: [new File(["{ oops"], "x.json")] },
    });
    expect((await screen.findByTestId("rulebook-error")).textContent).toMatch(/not valid JSON/);
  });
});

describe("task pane: scanning", () => {
  test("shows progress while scanning, then the counts per code, points and consequence", async () => {
    const session = new SessionDouble();
    session.holdScan = true;
    await renderApp(session);
    fireEvent.click(scanButton());
    const bar = await screen.findByRole("progressbar");
    act(() => session.report({ stage: "evaluate", fraction: 0.5 }));
    expect(screen.getByText(en.stageLabels.evaluate)).toBeTruthy();
    expect(screen.getByText("50%")).toBeTruthy();
    expect(bar.getAttribute("aria-valuenow")).toBe("0.5");

    await act(async () => session.finishScan());
    const table = await screen.findByTestId("code-counts");
    const { totals } = session.outcome.result;
    for (const [code, orders] of Object.entries(totals.byCode)) {
      expect(within(table).getByTestId(`count-${code}`).textContent).toBe(String(orders));
    }
    expect(within(table).getByText(en.codeLabels.SHIPPED_LATE)).toBeTruthy();
    expect(screen.getByTestId("flagged-summary").textContent).toBe(en.flaggedSummary(4, 6));
    expect(screen.getByTestId("total-points").textContent).toBe(en.totalPoints(7));
    const consequence = screen.getByTestId("consequence");
    expect(consequence.textContent).toContain("7 points: a warning, no freeze yet");
    expect(consequence.textContent).toContain(en.confidenceLabel.medium);
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The button that started the scan is gone: focus moves to the results for keyboard and screen-reader users.
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: en.resultsHeading }));
  });

  test("the legend shows each category's highlight colour from the plan", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    const legend = screen.getByTestId("legend");
    for (const entry of session.outcome.plan.legend) {
      const item = legend.querySelector(`[data-category="${entry.category}"]`)!;
      expect(item.querySelector("[data-color]")!.getAttribute("data-color")).toBe(entry.color);
      expect(item.textContent).toContain(entry.label.en);
    }
    // The late code's row in the counts table carries the late colour.
    const lateColor = session.outcome.plan.legend.find((e) => e.category === "late")!.color;
    const lateRow = screen.getByTestId("code-counts").querySelector('[data-code="SHIPPED_LATE"] [data-color]')!;
    expect(lateRow.getAttribute("data-color")).toBe(lateColor);
  });

  test("Cancel aborts the signal handed to the scan and returns to the scan button", async () => {
    const session = new SessionDouble();
    session.holdScan = true;
    await renderApp(session);
    fireEvent.click(scanButton());
    await screen.findByRole("progressbar");
    const signal = session.calls.scan[0].signal!;
    expect(signal.aborted).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: en.cancelButton }));
    expect(signal.aborted).toBe(true);
    expect((await screen.findByTestId("notice")).textContent).toBe(en.scanCancelled);
    // Announced too: the live region says it, and the focus goes back to Scan.
    expect(screen.getByTestId("announcer").textContent).toBe(en.scanCancelled);
    await waitFor(() => expect(document.activeElement).toBe(scanButton()));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(isDisabled(scanButton())).toBe(false);
    expect(screen.queryByTestId("code-counts")).toBeNull();
  });

  test("Scan again runs the scan a second time with the same settings", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    fireEvent.click(screen.getByRole("button", { name: en.scanAgainButton }));
    await waitFor(() => expect(session.calls.scan).toHaveLength(2));
    expect(session.calls.scan[1].settings).toEqual(session.calls.scan[0].settings);
  });
});

describe("task pane: acting on the results", () => {
  test("a count is a filter: pressing it shows that problem's orders; chips per problem; All shows every order", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    const list = screen.getByTestId("flagged");
    expect(list.querySelectorAll("button[data-row]")).toHaveLength(4);
    fireEvent.click(screen.getByTestId("filter-MISSING_TRACKING"));
    await waitFor(() => expect(list.querySelectorAll("button[data-row]")).toHaveLength(1));
    expect(screen.getByTestId("filter-MISSING_TRACKING").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("flagged-shown").textContent).toBe(en.filteredSummary(1, en.codeLabels.MISSING_TRACKING));
    const chips = screen.getByTestId("filter-chips");
    const chip = within(chips).getByRole("button", { name: en.filterChip(en.codeLabels.MISSING_TRACKING, 1) });
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(within(chips).getByRole("button", { name: en.filterAll(4) }));
    await waitFor(() => expect(list.querySelectorAll("button[data-row]")).toHaveLength(4));
    fireEvent.click(within(chips).getByRole("button", { name: en.filterChip(en.codeLabels.DUE_SOON, 1) }));
    await waitFor(() => expect(list.querySelectorAll("button[data-row]")).toHaveLength(1));
  });

  test("the cells that could not be read are listed (sheet, row, column, value, why), each with a jump", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    const cells = screen.getByTestId("unreadable-list");
    expect(cells.textContent).toContain(en.diagnosticsNote(1));
    expect(cells.textContent).toContain(
      en.unreadableCell({ sheet: "Orders", row: 4, column: "付款时间", value: "32/13/2025" }),
    );
    expect(cells.textContent).toContain("Not a date");
    fireEvent.click(within(cells).getByRole("button", { name: en.jumpToRow(4) }));
    await waitFor(() => expect(session.calls.selectRow).toEqual([{ sheet: "Orders", row: 4 }]));
  });

  test("the consequence is one sentence with its confidence; escalations carry no rule ids", async () => {
    const session = new SessionDouble();
    const outcome = (await import("./fixtures")).sampleOutcome("en");
    outcome.result.assessment.escalations = [
      {
        family: "falseShipment",
        cases: 3,
        points: 12,
        reason: { en: "serious false shipment (R4)", zh: "虚假发货严重违规 (R4)" },
      },
    ];
    session.outcome = outcome;
    await renderApp(session);
    await scanToResults(session);
    expect(screen.getByTestId("consequence").textContent).toBe(
      en.consequenceSentence("7 points: a warning, no freeze yet", en.confidenceLabel.medium),
    );
    expect(screen.getByText(en.escalationNote("serious false shipment", 12))).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\(R\d+\)/);
  });

  test("results say they are out of date when an option or a column changes after the scan; Scan again refreshes", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    expect(screen.queryByTestId("out-of-date")).toBeNull();
    await openOptions();
    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "5" } });
    const bar = await screen.findByTestId("out-of-date");
    expect(bar.textContent).toContain(en.outOfDate);
    fireEvent.click(within(bar).getByRole("button", { name: en.scanAgainButton }));
    await waitFor(() => expect(session.calls.scan).toHaveLength(2));
    await waitFor(() => expect(screen.queryByTestId("out-of-date")).toBeNull());
    expect(session.calls.scan[1].settings.handlingDays).toBe(5);
    // A column picked differently makes them out of date too.
    await openMapping();
    fireEvent.change(screen.getByTestId("map-trackingNumber"), { target: { value: "备注" } });
    expect(await screen.findByTestId("out-of-date")).toBeTruthy();
  });

  test("flagged orders are listed worst first, and clicking one selects its row", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    const list = screen.getByRole("list", { name: en.flaggedHeading });
    const rows = within(list)
      .getAllByRole("button")
      .map((button) => Number(button.getAttribute("data-row")));
    expect(rows).toEqual([7, 3, 5, 9]); // 3 points, then 2-point late orders by row, then the 0-point due-soon
    const order5 = within(list)
      .getByText(new RegExp(`${en.flaggedRow(5)}`))
      .closest("button")!;
    // Both codes of the order are shown on its one entry.
    expect(order5.textContent).toContain(en.codeLabels.OVERDUE_UNSHIPPED);
    expect(order5.textContent).toContain(en.codeLabels.MISSING_TRACKING);
    fireEvent.click(order5);
    await waitFor(() => expect(session.calls.selectRow).toEqual([{ sheet: "Orders", row: 5 }]));
    await waitFor(() => expect(order5.getAttribute("aria-current")).toBe("true"));
  });

  test("Clear highlights calls clearHighlights for the scanned sheet and says how many rows got their colours back", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    fireEvent.click(screen.getByRole("button", { name: en.clearButton }));
    await waitFor(() => expect(session.calls.clearHighlights).toEqual(["Orders"]));
    const cleared = en.clearedRows(session.outcome.plan.rows.length);
    expect((await screen.findByTestId("notice")).textContent).toBe(cleared);
    expect(screen.getByTestId("announcer").textContent).toBe(cleared);
  });

  test("Open summary sheet calls openSummary", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    fireEvent.click(screen.getByRole("button", { name: en.summaryButton }));
    await waitFor(() => expect(session.calls.openSummary).toBe(1));
  });
});

describe("task pane: errors say what to do", () => {
  function expectMessageBar(kind: keyof typeof en.errors) {
    const bar = document.querySelector(`[data-error-kind="${kind}"]`);
    expect(bar).not.toBeNull();
    expect(bar!.textContent).toContain(en.errors[kind].title);
    expect(bar!.textContent).toContain(en.errors[kind].action);
    return bar as HTMLElement;
  }

  test("a sheet that cannot be read stays picked with its reason; picking the order sheet again by mouse recovers", async () => {
    const session = new SessionDouble();
    const read = session.preview.bind(session);
    session.preview = async (sheet, mapping) => {
      if (sheet === "Notes") throw new Error('No header row found in sheet "Notes".');
      return read(sheet, mapping);
    };
    await renderApp(session);
    const picker = () => screen.getByRole("combobox", { name: en.sheetLabel }) as HTMLSelectElement;
    fireEvent.change(picker(), { target: { value: "Notes" } });
    await waitFor(() => expect(document.querySelector("[data-error-kind]")).not.toBeNull());
    expect(picker().value).toBe("Notes");
    expect(screen.queryByTestId("mapping-table")).toBeNull();
    fireEvent.change(picker(), { target: { value: "Orders" } });
    await waitFor(() => expect(document.querySelector("[data-error-kind]")).toBeNull());
    expect(picker().value).toBe("Orders");
    expect(await screen.findByTestId("mapping-table")).toBeTruthy();
  });

  test("a sheet without orders: a warning that says to pick the order sheet, and the picker stays usable", async () => {
    await renderApp();
    fireEvent.change(screen.getByRole("combobox", { name: en.sheetLabel }), {
      target: { value: "Notes" },
    });
    await waitFor(() => expectMessageBar("noOrders"));
    expect(isDisabled(scanButton())).toBe(false);
    fireEvent.change(screen.getByRole("combobox", { name: en.sheetLabel }), {
      target: { value: "Orders" },
    });
    await waitFor(() => expect(document.querySelector("[data-error-kind]")).toBeNull());
  });

  test.each([
    [
      "sheetProtected",
      Object.assign(new Error("The sheet is protected."), {
        code: "AccessDenied",
      }),
    ],
    [
      "sheetChanged",
      Object.assign(new Error("Rows were added during the scan."), {
        name: "SheetChangedError",
      }),
    ],
    [
      "cellEditing",
      Object.assign(new Error("Excel is in cell-editing mode."), {
        code: "InvalidOperationInCellEditMode",
      }),
    ],
    [
      "apiUnavailable",
      Object.assign(new Error("ExcelApi 1.9 is not supported."), {
        code: "ApiNotFound",
      }),
    ],
    ["unknown", new Error("boom")],
  ] as const)("a scan failing with %s shows guidance and a retry that scans again", async (kind, error) => {
    const { session } = await renderApp();
    session.failures.scan = error;
    fireEvent.click(scanButton());
    const bar = await waitFor(() => expectMessageBar(kind));
    expect(bar.textContent).toContain(error.message);
    expect(screen.queryByRole("progressbar")).toBeNull();
    fireEvent.click(within(bar).getByRole("button", { name: en.retryButton }));
    await screen.findByTestId("code-counts");
    expect(session.calls.scan).toHaveLength(2);
  });

  test("the workbook failing to load shows guidance and Try again reloads it", async () => {
    const session = new SessionDouble();
    session.failures.listSheets = Object.assign(new Error("Excel API not available"), { code: "ApiNotFound" });
    render(<App session={session} lang="en" />);
    const bar = await waitFor(() => expectMessageBar("apiUnavailable"));
    fireEvent.click(within(bar).getByRole("button", { name: en.retryButton }));
    await screen.findByTestId("mapping-summary");
  });

  test("no session at all (Excel too old): the startup error is shown instead of a blank pane", () => {
    render(
      <App
        session={null}
        lang="en"
        startupError={{
          kind: "apiUnavailable",
          detail: "ExcelApi 1.9 missing",
        }}
      />,
    );
    expectMessageBar("apiUnavailable");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("settings that cannot be saved do not stop the scan; a warning says so", async () => {
    const { session } = await renderApp();
    session.failures.saveSettings = new Error("Settings quota exceeded");
    await scanToResults(session);
    expectMessageBar("settingsUnsaved");
  });

  test("selecting a row on a protected sheet reports it", async () => {
    const { session } = await renderApp();
    await scanToResults(session);
    session.failures.selectRow = Object.assign(new Error("locked"), {
      code: "AccessDenied",
    });
    fireEvent.click(screen.getAllByRole("button", { name: new RegExp(en.flaggedRow(3)) })[0]);
    await waitFor(() => expectMessageBar("sheetProtected"));
  });
});

describe("task pane: Chinese", () => {
  test("zh-CN renders Chinese labels throughout", async () => {
    const session = new SessionDouble();
    session.outcome = (await import("./fixtures")).sampleOutcome("zh-CN");
    await renderApp(session, "zh-CN");
    expect(screen.getByRole("button", { name: new RegExp(zh.mappingHeading) })).toBeTruthy();
    expect(
      within(screen.getByTestId("mapping-table")).getByRole("rowheader", {
        name: zh.fieldLabels.orderId,
      }),
    ).toBeTruthy();
    expect(screen.getByTestId("unreadable-cells").textContent).toBe(zh.unreadableCells(1));
    fireEvent.click(scanButton(zh));
    const table = await screen.findByTestId("code-counts");
    expect(within(table).getByText(zh.codeLabels.SHIPPED_LATE)).toBeTruthy();
    expect(screen.getByTestId("flagged-summary").textContent).toBe(zh.flaggedSummary(4, 6));
    expect(screen.getByTestId("consequence").textContent).toContain("7 分：警告，暂不冻结");
    expect(screen.getByTestId("consequence").textContent).toContain(zh.confidenceLabel.medium);
    expect(screen.getByRole("button", { name: zh.clearButton })).toBeTruthy();
    expect(session.calls.scan[0].settings.lang).toBe("zh-CN");
    expect(screen.queryByText(en.scanAgainButton)).toBeNull();
  });
});
