import type { CellValue } from "../../../src/core/model";
import { chooseOrderSheet, sheetFit, type SheetFit } from "../../../src/core/sheetChoice/chooseSheet";

const ORDERS: CellValue[][] = [
  ["Order ID", "Payment Time", "Order Status", "Tracking Number"],
  ["8100000000000001", "2025-06-01 10:00", "Awaiting shipment", ""],
];
const TRACKING_POOL: CellValue[][] = [
  ["Tracking Number", "Carrier"],
  ["LP00123456789012", "Cainiao"],
];
const README: CellValue[][] = [["How to use this workbook"], ["Paste the seller-centre export into the Orders sheet"]];

function fits(sheets: Array<[string, CellValue[][]]>, active?: string): SheetFit[] {
  return sheets.map(([name, rows], position) => sheetFit({ name, rows }, position, name === active));
}

describe("choosing the order sheet", () => {
  it("passes over a tracking pool before the orders: it names no order id and no date", () => {
    const choice = chooseOrderSheet(
      fits([
        ["Read me", README],
        ["Tracking pool", TRACKING_POOL],
        ["Orders", ORDERS],
      ]),
    );
    expect(choice).toMatchObject({
      ok: true,
      by: "header",
      chosen: { sheet: "Orders", orderTable: true },
      runnerUp: { sheet: "Tracking pool", orderTable: false, fields: ["trackingNumber", "carrier"] },
    });
  });

  it("prefers the active sheet when two headers match equally well, else the first", () => {
    const sheets: Array<[string, CellValue[][]]> = [
      ["June", ORDERS],
      ["July", ORDERS],
    ];
    expect(chooseOrderSheet(fits(sheets, "July"))).toMatchObject({
      chosen: { sheet: "July" },
      runnerUp: { sheet: "June" },
    });
    expect(chooseOrderSheet(fits(sheets))).toMatchObject({ chosen: { sheet: "June" }, runnerUp: { sheet: "July" } });
  });

  it("takes the better header over the active sheet", () => {
    const fewer: CellValue[][] = [
      ["Order ID", "Payment Time"],
      ["8100000000000001", "2025-06-01 10:00"],
    ];
    const choice = chooseOrderSheet(
      fits(
        [
          ["Short", fewer],
          ["Full", ORDERS],
        ],
        "Short",
      ),
    );
    expect(choice).toMatchObject({ chosen: { sheet: "Full" }, runnerUp: { sheet: "Short" } });
  });

  it("refuses a workbook with no order table, and names a sheet the user asked for that is not there", () => {
    expect(
      chooseOrderSheet(
        fits([
          ["Tracking pool", TRACKING_POOL],
          ["Read me", README],
        ]),
      ),
    ).toMatchObject({
      ok: false,
      problem: "no-order-table",
    });
    expect(chooseOrderSheet(fits([["Orders", ORDERS]]), "Nope")).toEqual({
      ok: false,
      problem: "no-such-sheet",
      requested: "Nope",
      sheets: ["Orders"],
    });
  });

  it("takes the sheet the user named, ignoring case, and still names the next best", () => {
    const choice = chooseOrderSheet(
      fits([
        ["Tracking pool", TRACKING_POOL],
        ["Orders", ORDERS],
      ]),
      " tracking POOL ",
    );
    expect(choice).toMatchObject({
      ok: true,
      by: "requested",
      chosen: { sheet: "Tracking pool" },
      runnerUp: { sheet: "Orders" },
    });
  });
});
