import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AS_OF, runCli, tempDir } from "./helpers";
import { MAX_INFLATE_RATIO, RATIO_GRACE_BYTES } from "../../src/cli/zipLimits";
import { declaredParts } from "./storedZip";

/** Issue 20, "limits a seller can trust": a part that inflates far beyond its compressed size is refused unread. */
const dir = tempDir();

async function orderWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Orders");
  sheet.addRow(["Order ID", "Payment Time", "Order Status"]);
  sheet.addRow(["8100000000000001", "2025-06-01 10:00", "Awaiting shipment"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("a workbook built to exhaust memory", () => {
  it("is refused with one line, exit 2, when its shared strings inflate 1,000 times their size", async () => {
    const zip = await JSZip.loadAsync(await orderWorkbook());
    // 64 MiB of spaces compresses to about 64 KiB: past the grace size and far past the ratio.
    const padding = " ".repeat(RATIO_GRACE_BYTES * 4);
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0">${padding}</sst>`;
    zip.file("xl/sharedStrings.xml", strings);
    const bytes = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    const part = (await declaredParts(bytes)).find((p) => p.name === "xl/sharedStrings.xml");
    expect((part?.size ?? 0) / (part?.compressedSize ?? 1)).toBeGreaterThan(MAX_INFLATE_RATIO);
    const file = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(file, bytes);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^ae-guard: bomb\.xlsx: the part xl\/sharedStrings\.xml would inflate [\d,]+ times its compressed size/,
    );
  });

  it("is refused when the directory declares a part beyond the absolute cap", async () => {
    const bytes = await orderWorkbook();
    // Forge the central directory: the sheet claims 3 GiB uncompressed (a zip64-sized bomb).
    const view = Buffer.from(bytes);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let at = view.length - 46; at > 0; at--) {
      if (view.readUInt32LE(at) === 0x02014b50 && view.subarray(at + 46, at + 46 + name.length).equals(name)) {
        view.writeUInt32LE(3 * 1024 * 1024 * 1024, at + 24);
        break;
      }
    }
    const file = path.join(dir, "huge.xlsx");
    fs.writeFileSync(file, view);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "huge.xlsx: the part xl/worksheets/sheet1.xml would inflate to 3,072 MiB, more than the 2,048 MiB",
    );
  });

  it("is refused when the directory declares a part far smaller than it inflates", async () => {
    const zip = await JSZip.loadAsync(await orderWorkbook());
    // 8 MiB of spaces declared as 1 KiB, in both headers: within every declared limit, and JSZip would find the
    // difference only after inflating the part whole (a real bomb of this shape inflates to gigabytes).
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0">${" ".repeat(8 * 1024 * 1024)}</sst>`;
    zip.file("xl/sharedStrings.xml", strings);
    const view = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const name = Buffer.from("xl/sharedStrings.xml");
    for (let at = 0; at + 46 < view.length; at++) {
      const signature = view.readUInt32LE(at);
      if (signature === 0x02014b50 && view.subarray(at + 46, at + 46 + name.length).equals(name)) {
        view.writeUInt32LE(1024, at + 24);
      }
      if (signature === 0x04034b50 && view.subarray(at + 30, at + 30 + name.length).equals(name)) {
        view.writeUInt32LE(1024, at + 22);
      }
    }
    expect((await declaredParts(view)).find((p) => p.name === "xl/sharedStrings.xml")?.size).toBe(1024);
    const file = path.join(dir, "forged.xlsx");
    fs.writeFileSync(file, view);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(
      "forged.xlsx: the part xl/sharedStrings.xml inflates to more than the 1,024 bytes its zip directory declares",
    );
  });

  it("lets a real workbook through", async () => {
    const file = path.join(dir, "fine.xlsx");
    fs.writeFileSync(file, await orderWorkbook());
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(0);
  });
});
