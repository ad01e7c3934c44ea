import { createPreviewWorkbook } from "../../src/taskpane/preview/previewSession";

const settings = {
  sheet: "Orders",
  timeZone: "America/Los_Angeles",
  handlingDays: 7,
  dueSoonHours: 24,
  lang: "en" as const,
};

describe("the Excel scan loads a rulebook override only when one is given", () => {
  test("an override's rules are the ones the scan judges by", async () => {
    const plain = await createPreviewWorkbook("en", { latencyMs: 0 }).session.scan(settings);
    expect(plain.result.rulebook.version).not.toContain("shop-1");
    const overridden = await createPreviewWorkbook("en", { latencyMs: 0 }).session.scan({
      ...settings,
      rulebookOverride: '{ "version": "shop-1", "dueSoonHours": 72 }',
    });
    expect(overridden.result.rulebook.version).toContain("shop-1");
  });

  test("a bad override stops the scan with the loader's message naming the key", async () => {
    const scan = createPreviewWorkbook("en", { latencyMs: 0 }).session.scan({
      ...settings,
      rulebookOverride: '{ "handlingDays": -3 }',
    });
    await expect(scan).rejects.toThrow(/handlingDays/);
  });
});
