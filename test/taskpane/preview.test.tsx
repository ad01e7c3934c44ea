/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { stringsFor } from "../../src/taskpane/i18n";
import { createPreviewWorkbook } from "../../src/taskpane/preview/previewSession";
import { choosePaneStart, type HostFactories } from "../../src/taskpane/bootstrap";

const en = stringsFor("en");

describe("browser preview: the real session over the bundled sample workbook", () => {
  test("finds the order table, scans it, colours the flagged rows in the grid and clears them again", async () => {
    const preview = createPreviewWorkbook("en", { latencyMs: 0 });
    render(<App session={preview.session} lang="en" preview={preview} />);

    // The orders sheet is found (the read-me sheet comes first) with its header on row 3; the confident mapping is
    // folded to one line until the seller opens it.
    expect((await screen.findByTestId("mapping-summary")).textContent).toBe(
      `${en.columnsFound(15, 17)} · ${en.reviewColumns}`,
    );
    expect(screen.queryByTestId("mapping-table")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: new RegExp(en.mappingHeading) }));
    const table = await screen.findByTestId("mapping-table");
    expect((within(table).getByTestId("map-orderId") as HTMLSelectElement).value).toBe("Order ID");
    expect(screen.getByTestId("mapping-facts").textContent).toContain(en.headerRowNote(3));
    const grid = await screen.findByTestId("sheet-preview", {}, { timeout: 10_000 });
    expect(within(grid).getByRole("button", { pressed: true }).textContent).toBe("Orders");
    expect(grid.querySelectorAll("tbody tr").length).toBeGreaterThan(200);

    fireEvent.click(screen.getByRole("button", { name: en.scanButton }));
    const counts = await screen.findByTestId("code-counts", {}, { timeout: 10_000 });

    // What the pane shows is what the same session computes for the same settings.
    const reference = await createPreviewWorkbook("en", {
      latencyMs: 0,
    }).session.scan({
      timeZone: "America/Los_Angeles",
      handlingDays: 7,
      dueSoonHours: 24,
      lang: "en",
      sheet: "Orders",
    });
    const byCode = Object.entries(reference.result.totals.byCode);
    expect(byCode.length).toBeGreaterThan(2);
    for (const [code, orders] of byCode) {
      expect(within(counts).getByTestId(`count-${code}`).textContent).toBe(String(orders));
    }

    // Every highlighted row of the plan wears its category's colour in the grid; an unflagged order row does not.
    await waitFor(() => {
      const late = reference.plan.rows.find((r) => r.category === "late")!;
      const color = reference.plan.legend.find((l) => l.category === "late")!.color;
      const cell = grid.querySelector(`tr[data-row="${late.row}"] td`)!;
      expect(cell.getAttribute("data-fill")).toBe(color);
    });
    const flaggedRows = new Set(reference.plan.rows.map((r) => r.row));
    const clean = [...grid.querySelectorAll("tbody tr")]
      .map((tr) => Number(tr.getAttribute("data-row")))
      .find((row) => row > 3 && !flaggedRows.has(row))!;
    expect(grid.querySelector(`tr[data-row="${clean}"] td`)!.getAttribute("data-fill")).toBe("");

    // Clicking a flagged order selects its row in the workbook and the grid shows it.
    const first = within(screen.getByRole("list", { name: en.flaggedHeading })).getAllByRole("button")[0];
    const row = Number(first.getAttribute("data-row"));
    fireEvent.click(first);
    expect(await screen.findByText(en.previewSelectedRow(row))).toBeTruthy();

    // Clear puts the seller's own fills back: flagged rows lose the highlight colour.
    fireEvent.click(screen.getByRole("button", { name: en.clearButton }));
    await within(await screen.findByTestId("notice")).findByText(/Highlights cleared/);
    const colors = new Set(reference.plan.legend.map((l) => l.color));
    const stillColoured = [...grid.querySelectorAll("td[data-fill]")].filter((td) =>
      colors.has(td.getAttribute("data-fill")!),
    );
    expect(stillColoured).toHaveLength(0);
  }, 30_000);

  test("the to-do leads the results: a count per section, and each shipped-late apology can be copied", async () => {
    const preview = createPreviewWorkbook("zh-CN", { latencyMs: 0 });
    render(<App session={preview.session} lang="zh-CN" preview={preview} />);
    const zh = stringsFor("zh-CN");
    await screen.findByTestId("mapping-summary");
    fireEvent.click(screen.getByRole("button", { name: zh.scanButton }));
    const todo = await screen.findByTestId("todo-counts", {}, { timeout: 10_000 });
    const reference = await createPreviewWorkbook("zh-CN", { latencyMs: 0 }).session.scan({
      timeZone: "America/Los_Angeles",
      handlingDays: 7,
      dueSoonHours: 24,
      lang: "zh-CN",
      sheet: "订单",
    });
    const actions = reference.actions!;
    const shipNow = actions.shipNow.items.filter((item) => item.band !== "later").length;
    const section = (name: string) => todo.querySelector(`[data-section="${name}"]`)?.textContent;
    expect(section("shipNow")).toBe(`${zh.toDoSections.shipNow} ${shipNow}`);
    expect(section("trackingFixes")).toBe(`${zh.toDoSections.trackingFixes} ${actions.trackingFixes.length}`);
    expect(section("messages")).toBe(`${zh.toDoSections.messages} ${actions.messages.length}`);
    expect(section("appeals")).toBe(`${zh.toDoSections.appeals} ${actions.appealEvidence.length}`);
    expect(actions.appealEvidence.length).toBeGreaterThan(0);
    // The to-do comes before the findings' tables.
    const codeCounts = screen.getByTestId("code-counts");
    expect(todo.compareDocumentPosition(codeCounts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const apologies = actions.messages.filter((message) => message.kind === "shippedLate");
    expect(apologies.length).toBeGreaterThan(0);
    const list = screen.getByTestId("shipped-late");
    expect(list.querySelectorAll("li")).toHaveLength(apologies.length);
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const first = list.querySelector("li")!;
    fireEvent.click(within(first as HTMLElement).getByRole("button", { name: zh.copyMessage }));
    await within(first as HTMLElement).findByRole("button", { name: zh.messageCopied });
    expect(writeText).toHaveBeenCalledWith(apologies[0]!.text);
    expect(apologies[0]!.text).toContain(apologies[0]!.orderId);

    // Fix tracking: each finding says what is wrong and what fixes it, with the note to send once it is fixed.
    const fixes = screen.getByTestId("fix-tracking");
    const firstFix = actions.trackingFixes[0]!;
    const item = fixes.querySelector("li")!;
    expect(item.getAttribute("data-code")).toBe(firstFix.code);
    expect(item.textContent).toContain(firstFix.problem.zh);
    expect(item.textContent).toContain(firstFix.fix.zh);
    const note = actions.messages.find((m) => m.kind === "trackingUpdated" && m.row === firstFix.row)!;
    fireEvent.click(within(item as HTMLElement).getByRole("button", { name: zh.copyMessage }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(note.text));
  }, 30_000);

  test("Open summary sheet shows the summary sheet in the grid", async () => {
    const preview = createPreviewWorkbook("zh-CN", { latencyMs: 0 });
    render(<App session={preview.session} lang="zh-CN" preview={preview} />);
    const zh = stringsFor("zh-CN");
    await screen.findByTestId("mapping-summary");
    fireEvent.click(screen.getByRole("button", { name: zh.scanButton }));
    await screen.findByTestId("code-counts", {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: zh.summaryButton }));
    const grid = await screen.findByTestId("sheet-preview", {}, { timeout: 10_000 });
    await waitFor(() => expect(within(grid).getByRole("button", { pressed: true }).textContent).toBe("AE 违规汇总"));
  }, 30_000);
});

describe("bootstrap: which session the pane gets", () => {
  const fakeSession = {} as never;
  const factories = (): HostFactories & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      excel: async () => {
        calls.push("excel");
        return { session: fakeSession };
      },
      preview: async (lang) => {
        calls.push(`preview:${lang}`);
        return {
          session: fakeSession,
          grid: {
            sheetNames: () => [],
            read: () => ({
              firstRow: 1,
              firstColumn: 1,
              rows: [],
              totalRows: 0,
            }),
          },
          asOf: 0,
          timeZone: "UTC",
        };
      },
    };
  };
  const office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: "zh-CN",
      officeTheme: { bodyBackgroundColor: "#262626" },
    },
  };

  test("host null (a plain browser) → the preview, language from the browser or ?lang=", async () => {
    const f = factories();
    const start = await choosePaneStart(null, office, { search: "", navigatorLanguage: "en-GB" }, f);
    expect(f.calls).toEqual(["preview:en"]);
    expect(start.preview).toBeDefined();
    expect(start.lang).toBe("en");
    expect(start.theme).toBe("light");
    const zh = await choosePaneStart(null, undefined, { search: "?lang=zh-CN", navigatorLanguage: "en-US" }, f);
    expect(zh.lang).toBe("zh-CN");
  });

  test("host Excel → the Excel session, Office's display language and theme", async () => {
    const f = factories();
    const start = await choosePaneStart("Excel", office, { search: "", navigatorLanguage: "en-US" }, f);
    expect(f.calls).toEqual(["excel"]);
    expect(start.preview).toBeUndefined();
    expect(start.lang).toBe("zh-CN");
    expect(start.theme).toBe("dark");
  });

  test("Excel without the requirement set → no session and the apiUnavailable guidance", async () => {
    const f = factories();
    f.excel = async () => ({
      error: { kind: "apiUnavailable", detail: "ExcelApi 1.9" },
    });
    const start = await choosePaneStart("Excel", office, { search: "" }, f);
    expect(start.session).toBeNull();
    expect(start.startupError?.kind).toBe("apiUnavailable");
  });

  test("another Office host (Word) → guidance, not a blank pane", async () => {
    const f = factories();
    const start = await choosePaneStart("Word", office, { search: "" }, f);
    expect(f.calls).toEqual([]);
    expect(start.startupError?.kind).toBe("apiUnavailable");
  });
});
