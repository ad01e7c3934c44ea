import type { CellValue } from "../../src/core/model";
import { wallClockToSerial } from "../../src/core/dates/serial";
import {
  FAKE_HOSTS,
  FakeWorkbook,
  FakeWorkbookPort,
  type FakeHost,
  type FakePortOptions,
} from "../../src/excel/fake/fakeWorkbook";
import { createWorkbookSession } from "../../src/excel/scanService";
import type { ScanSettings } from "../../src/excel/session";

/** A valid UPU S10 tracking number (check digit computed) for a serial. */
export function s10(serial: number, country = "CN"): string {
  const digits = String(serial).padStart(8, "0").slice(-8);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  return `RB${digits}${check}${country}`;
}

export const HEADERS = ["订单号", "订单状态", "付款时间", "发货期限", "发货时间", "运单号", "买家名称"];

/** 2025-06-15 12:00 in Los Angeles. */
export const AS_OF = "2025-06-15T12:00:00-07:00";

export function serial(y: number, m: number, d: number, h = 0, mi = 0, date1904 = false): number {
  return wallClockToSerial(Date.UTC(y, m - 1, d, h, mi), date1904);
}

export type Kind = "ok" | "late" | "untracked" | "dueSoon" | "shippedOk";

/** One order row of the given kind (judged at AS_OF). */
export function orderRow(i: number, kind: Kind, date1904 = false, buyer = `Buyer ${i}`): CellValue[] {
  const id = `80123456789${String(10000 + i).padStart(5, "0")}`;
  const paid = serial(2025, 6, 1, 10, 0, date1904);
  switch (kind) {
    case "ok": // awaiting shipment, deadline far away
      return [id, "等待您发货", paid, serial(2025, 6, 25, 10, 0, date1904), "", "", buyer];
    case "late": // awaiting shipment, deadline passed
      return [id, "等待您发货", paid, serial(2025, 6, 10, 10, 0, date1904), "", "", buyer];
    case "dueSoon":
      return [id, "等待您发货", paid, serial(2025, 6, 16, 6, 0, date1904), "", "", buyer];
    case "untracked": // shipped on time, no tracking number
      return [id, "已发货", paid, serial(2025, 6, 10, 10, 0, date1904), serial(2025, 6, 5, 10, 0, date1904), "", buyer];
    case "shippedOk":
      return [id, "已发货", paid, serial(2025, 6, 10, 10, 0, date1904), serial(2025, 6, 5, 10, 0, date1904), s10(10_000_000 + i), buyer];
  }
}

export function orderSheet(kinds: Kind[], date1904 = false): CellValue[][] {
  return [HEADERS, ...kinds.map((kind, i) => orderRow(i, kind, date1904))];
}

export function settings(overrides: Partial<ScanSettings> = {}): ScanSettings {
  return {
    timeZone: "America/Los_Angeles",
    handlingDays: 7,
    dueSoonHours: 24,
    asOf: AS_OF,
    lang: "en",
    ...overrides,
  };
}

let hostUnderTest: FakeHost = "web";

/** The host the enclosing `describeHosts` block runs the fake as. */
export function currentHost(): FakeHost {
  return hostUnderTest;
}

/** Runs the same tests once per host the fake models (desktop and web Excel differ; see FakeHost). */
export function describeHosts(body: (host: FakeHost) => void): void {
  describe.each(FAKE_HOSTS)("Excel %s", (host) => {
    beforeAll(() => {
      hostUnderTest = host;
    });
    afterAll(() => {
      hostUnderTest = "web";
    });
    body(host);
  });
}

export function setup(
  rows: CellValue[][],
  options: {
    host?: FakeHost;
    sheet?: string;
    firstRow?: number;
    firstColumn?: number;
    date1904?: boolean;
    exposesDateSystem?: boolean;
    port?: FakePortOptions;
    budgetBytes?: number;
  } = {},
) {
  const workbook = new FakeWorkbook({
    host: options.host ?? hostUnderTest,
    date1904: options.date1904,
    exposesDateSystem: options.exposesDateSystem,
  });
  const sheet = workbook.addSheet(options.sheet ?? "Orders", rows, { firstRow: options.firstRow, firstColumn: options.firstColumn });
  const port = new FakeWorkbookPort(workbook, options.port);
  const session = createWorkbookSession(port, { now: () => Date.parse(AS_OF), budgetBytes: options.budgetBytes });
  return { workbook, sheet, port, session };
}
