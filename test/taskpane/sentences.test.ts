import { SENTENCES, sentence, type SentenceKey } from "../../src/taskpane/sentences";
import { consequenceFor } from "../../src/core/assess/consequence";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook/aliexpress";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("the pane's wording table", () => {
  it.each(Object.keys(SENTENCES) as SentenceKey[])("%s carries the same values in English and Chinese", (key) => {
    expect(placeholders(SENTENCES[key].zh)).toEqual(placeholders(SENTENCES[key].en));
  });

  it("puts the values where each language wants them", () => {
    const consequence = consequenceFor(4, ALIEXPRESS_RULEBOOK);
    const parts = consequence.parts!;
    const values = {
      points: parts.points,
      reached: parts.reached.zh,
      nextPoints: parts.next!.minPoints,
      next: parts.next!.consequence.zh,
      note: parts.note.zh,
    };
    expect(sentence("consequenceWithNext", "zh-CN", values)).toBe(
      `按 4 分计，可能的处罚：暂无店铺处罚；达到 12 分将店铺冻结 7 天（${parts.note.zh}）。`,
    );
    expect(
      sentence("consequenceWithNext", "en", {
        ...values,
        reached: parts.reached.en,
        next: parts.next!.consequence.en,
        note: parts.note.en,
      }),
    ).toBe(
      `Likely consequence at 4 points: no store-level penalty yet; at 12 points: store frozen 7 days (${parts.note.en}).`,
    );
    expect(sentence("escalation", "zh-CN", { points: 12, name: "虚假发货严重违规", cases: 3, days: 30 })).toBe(
      "30 天内 3 例，按虚假发货严重违规另加 12 分。",
    );
  });
});
