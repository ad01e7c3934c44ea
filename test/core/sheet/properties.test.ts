import fc from "fast-check";
import { CANONICAL_FIELDS, type CellValue, type SheetGrid } from "../../../src/core/model";
import {
  cellText,
  COMBINED_CARRIER_TRACKING_HEADERS,
  excelErrorOf,
  HEADER_ALIASES,
  isBlankCell,
  readOrderSheet,
  type SheetReadResult,
} from "../../../src/core/sheet";
import { englishText, isoText, LA, serial, usText, type Wall } from "./fixtures";

const ALIAS_HEADERS = [
  ...CANONICAL_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => alias.header)),
  ...COMBINED_CARRIER_TRACKING_HEADERS,
];

const trickyText = fc.constantFrom(
  "", " ", "\n", "\u3000", "#N/A", "＃N/A", "#VALUE!", '=HYPERLINK("x","1")', "2025-06-01 10:00", "03/04/2025",
  "25/04/2025", "04/25/2025 10:00 PM", "US $12.50", "12,50 €", "7天", "YANWEN:UG123456785CN", "８０１２", "Jun 1, 2025",
  "20250601100000000-0700", "NaN", "-0", "1e5", "45809.5", "\u0000", "\ud800", "A1", "A2", "A3",
);

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ min: 30_000, max: 80_000, noNaN: true }),
  fc.date(),
  fc.constantFrom(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(9999, 11, 31, 23, 59))),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 12 }),
  trickyText,
  fc.constantFrom(...ALIAS_HEADERS),
  fc.record({ error: fc.constantFrom("#N/A", "#VALUE!", "#REF!", "") }),
);

/** Random sheets, usually with a plausible header row somewhere near the top. */
const gridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    width: fc.integer({ min: 1, max: 8 }),
    before: fc.integer({ min: 0, max: 3 }),
    header: fc.array(fc.oneof(fc.constantFrom(...ALIAS_HEADERS), cellArb), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 25 }),
    ids: fc.array(fc.constantFrom("A1", "A2", "A3", "", null, 8012345678901234, "A1 "), { maxLength: 25 }),
    firstRow: fc.integer({ min: 1, max: 5 }),
    firstColumn: fc.integer({ min: 1, max: 5 }),
    date1904: fc.boolean(),
  })
  .map(({ before, header, rows, ids, firstRow, firstColumn, date1904 }) => {
    // Put the id column first often, so continuation and repeated ids happen.
    const body = rows.map((row, i) => (i < ids.length ? [ids[i], ...row] : row));
    const title = rows.slice(0, before).map((row) => row.slice(0, 1));
    return { name: "P", rows: [...title, ["Order ID", ...header], ...body], firstRow, firstColumn, date1904 };
  });

/** A JSON-like picture of every cell, Dates and NaN included, to prove the grid is untouched. */
function snapshot(grid: SheetGrid): string {
  return JSON.stringify(
    grid.rows.map((row) =>
      Array.from(row, (cell) => {
        if (cell instanceof Date) return `Date:${cell.getTime()}`;
        if (typeof cell === "number") return `n:${Object.is(cell, -0) ? "-0" : String(cell)}`;
        if (cell === undefined) return "undefined";
        return cell;
      }),
    ),
  );
}

function tryRead(grid: SheetGrid): SheetReadResult | undefined {
  try {
    return readOrderSheet(grid, { timeZone: LA });
  } catch (error) {
    expect((error as Error).message).toMatch(/^No header row found/);
    return undefined;
  }
}

describe("random sheets", () => {
  it("never throw except for a missing header, and never change a cell", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const before = snapshot(grid);
        tryRead(grid);
        expect(snapshot(grid)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it("never lose an order: every non-blank row with an order id is in exactly one order's rows", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const result = tryRead(grid);
        if (!result) return;
        const idColumn = result.header.columns.orderId;
        const owners = new Map<number, number>();
        for (const order of result.orders) for (const row of order.rows) owners.set(row, (owners.get(row) ?? 0) + 1);
        for (const count of owners.values()) expect(count).toBe(1);
        const firstRow = grid.firstRow ?? 1;
        for (let i = result.header.headerRow - firstRow + 1; i < grid.rows.length; i++) {
          const row = grid.rows[i];
          const excelRow = firstRow + i;
          if (row.every((cell) => isBlankCell(cell))) {
            expect(owners.has(excelRow)).toBe(false);
            continue;
          }
          if (!idColumn) {
            expect(owners.get(excelRow)).toBe(1);
            continue;
          }
          const id = row[idColumn.index];
          if (isBlankCell(id) || excelErrorOf(id) !== undefined || cellText(id) === idColumn.header) continue;
          // A totals row is left out, never silently: a note names it.
          const totals = result.diagnostics.some((d) => d.problem === "TOTALS_ROW" && d.row === excelRow);
          if (totals) {
            expect(owners.has(excelRow)).toBe(false);
            continue;
          }
          expect([excelRow, owners.get(excelRow)]).toEqual([excelRow, 1]);
          const order = result.orders.find((o) => o.rows.includes(excelRow));
          // A row that repeats an id with another payment time, status or buyer is an order of its own, named by its row.
          expect([cellText(id), `${cellText(id)} (row ${excelRow})`]).toContain(order?.orderId);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const wallArb: fc.Arbitrary<Wall> = fc.tuple(
  fc.integer({ min: 2020, max: 2027 }),
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 28 }),
  fc.integer({ min: 0, max: 23 }),
  fc.integer({ min: 0, max: 59 }),
);

const orderArb = fc.record({
  paid: wallArb,
  deadline: wallArb,
  shipped: fc.option(wallArb, { nil: undefined }),
  shipment: fc.option(
    fc.record({
      carrier: fc.constantFrom("YANWEN", "China Post Registered Air Mail", "4PX", "Cainiao Super Economy"),
      tracking: fc.stringMatching(/^[A-Z]{2}\d{9}[A-Z]{2}$/),
    }),
    { nil: undefined },
  ),
  country: fc.constantFrom("US", "FR", "ES", "RU"),
  buyer: fc.constantFrom("Ann", "Bob Li", "Chloé", "Иван"),
  cents: fc.integer({ min: 1, max: 10_000_000 }),
});

describe("the same orders in Chinese and in English", () => {
  it("read back as the same Order objects", () => {
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 12 }), (orders) => {
        const id = (n: number) => `80${String(n).padStart(14, "0")}`;
        const amount = (cents: number) => (cents / 100).toFixed(2);
        const chinese: CellValue[][] = [
          ["订单号", "买家名称", "付款时间", "订单金额", "收货国家", "发货期限", "实际发货物流:运单号", "发货时间"],
          ...orders.map((o, n) => [
            id(n), o.buyer, isoText(o.paid), `US $${amount(o.cents)}`, o.country, serial(o.deadline),
            o.shipment ? `${o.shipment.carrier}:${o.shipment.tracking}` : "", o.shipped ? isoText(o.shipped) : "",
          ]),
        ];
        const english: CellValue[][] = [
          ["Order No.", "Buyer", "Paid At", "Order Amount", "Country", "Ship By", "Logistics Provider", "Tracking No.", "Shipped At"],
          ...orders.map((o, n) => [
            id(n), o.buyer, usText(o.paid), `$${amount(o.cents)}`, o.country, englishText(o.deadline),
            o.shipment?.carrier ?? "", o.shipment?.tracking ?? "", o.shipped ? usText(o.shipped) : "",
          ]),
        ];
        const zh = readOrderSheet({ name: "zh", rows: chinese }, { timeZone: LA });
        const en = readOrderSheet({ name: "en", rows: english }, { timeZone: LA });
        expect(en.orders).toEqual(zh.orders);
        expect(zh.orders).toHaveLength(orders.length);
        expect(zh.diagnostics).toEqual([]);
        expect(en.diagnostics).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
