import * as fs from "node:fs";
import * as path from "node:path";
import { AS_OF, runCli, tempDir } from "./helpers";

interface Report {
  totals: { orders: number };
  diagnostics: Array<{ row: number; column: string; problem: string; message: string }>;
}

const dir = tempDir();
const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

async function scan(name: string, bytes: Buffer): Promise<{ code: number; stderr: string; report: Report }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const run = await runCli(["scan", file, "--as-of", AS_OF, "--json", "--quiet"]);
  return {
    code: run.code,
    stderr: run.stderr,
    report: run.code === 0 ? (JSON.parse(run.stdout) as Report) : ({} as Report),
  };
}

describe("CSV files with damage a seller's tools leave", () => {
  it("one bad byte in a UTF-8 file: every order is scanned and the row is reported", async () => {
    const bytes = Buffer.concat([
      utf8("订单号,付款时间,订单状态,买家名称\n8100000000000001,2025-06-01 10:00,等待卖家发货,张伟\n"),
      utf8("8100000000000002,2025-06-02 10:00,等待卖家发货,Jos"),
      Buffer.from([0xe9]),
      utf8("\n8100000000000003,2025-06-03 10:00,等待卖家发货,李娜\n"),
    ]);
    const { code, stderr, report } = await scan("bad-byte.csv", bytes);
    expect(code).toBe(0);
    expect(report.totals.orders).toBe(3);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ row: 3, column: "D", problem: "UNDECODABLE_BYTES" }),
    );
    expect(stderr).toContain('ae-guard: note: bad-byte.csv: row 3 holds bytes that are not UTF-8, shown as "�"');
  });

  it("an unterminated quote: the orders after it are still orders, and the row is named", async () => {
    const text =
      "Order ID,Payment Time,Order Status,Note\n" +
      '8100000000000001,2025-06-01 10:00,Awaiting shipment,"call before delivery\n' +
      "8100000000000002,2025-06-02 10:00,Awaiting shipment,\n" +
      "8100000000000003,2025-06-03 10:00,Awaiting shipment,\n";
    const { code, stderr, report } = await scan("open-quote.csv", utf8(text));
    expect(code).toBe(0);
    expect(report.totals.orders).toBe(3);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ row: 2, column: "D", problem: "UNCLOSED_QUOTE" }),
    );
    expect(stderr).toContain("ae-guard: note: open-quote.csv: a quote opening a field on row 2 does not close");
  });

  it("order ids Excel cut to 8.1E+15: four orders stay four, and stderr says why and what to do", async () => {
    const text =
      "Order ID,Payment Time,Order Status,Buyer Name\n" +
      "8.1E+15,2025-06-01 10:00,Awaiting shipment,Olivia Martin\n" +
      "8.1E+15,2025-06-02 10:00,Awaiting shipment,Liam Johnson\n" +
      "8.1E+15,2025-06-03 10:00,Awaiting shipment,Sofia Rossi\n" +
      "8.1E+15,2025-06-04 10:00,Awaiting shipment,Lucas Silva\n";
    const { code, stderr, report } = await scan("excel-saved.csv", utf8(text));
    expect(code).toBe(0);
    expect(report.totals.orders).toBe(4);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ row: 2, problem: "CUT_ORDER_ID" }));
    expect(stderr).toContain(
      'ae-guard: note: excel-saved.csv: 4 rows of Order ID hold an order number Excel may have cut to 15 digits (first: row 2, "8.1E+15")',
    );
  });
});
