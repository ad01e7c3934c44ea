import type { Confidence, Localized } from "../model";
import type { Rulebook, Sourced } from "../rulebook";
import type { Consequence } from "../report/types";

const CONFIDENCE_TEXT: Record<Confidence, Localized> = {
  high: { en: "platform rule, high confidence", zh: "平台规则，置信度高" },
  medium: { en: "researched default, medium confidence", zh: "调研默认值，置信度中" },
  low: {
    en: "unverified default, low confidence: check your seller centre",
    zh: "未经核实的默认值，置信度低：请在卖家后台核实",
  },
};

const OVERRIDDEN_TEXT: Localized = { en: "from your rulebook override", zh: "来自您的自定义规则" };

/** "unverified default, low confidence: …" so no seller mistakes a guessed number for a platform fact. */
function confidenceText(value: Sourced<unknown>): Localized {
  return value.overridden ? OVERRIDDEN_TEXT : CONFIDENCE_TEXT[value.confidence];
}

/** "(unverified default, low confidence: …)", bracketed for the end of a sentence. */
export function confidenceNote(value: Sourced<unknown>): Localized {
  const text = confidenceText(value);
  return { en: `(${text.en})`, zh: `（${text.zh}）` };
}

/** What `points` on a track lead to under the rulebook's ladder, e.g. "12 points: store frozen 7 days (…)". */
export function consequenceFor(points: number, rulebook: Rulebook, trackId = "transaction"): Consequence {
  const track = rulebook.tracks[trackId];
  if (!track) throw new Error(`Unknown penalty track "${trackId}"`);
  const steps = track.ladder.value;
  let reached = steps[0];
  for (const step of steps) if (points >= step.minPoints) reached = step;
  const note = confidenceNote(track.ladder);
  const level = reached?.level ?? "none";
  const text = reached?.consequence ?? { en: "no store-level penalty yet", zh: "暂无店铺处罚" };
  const next = steps.find((step) => step.minPoints > points);
  const nextText: Localized = next
    ? { en: `; ${next.consequence.en} at ${next.minPoints}`, zh: `；达到 ${next.minPoints} 分将${next.consequence.zh}` }
    : { en: "", zh: "" };
  return {
    level,
    description: {
      en: `${points} points: ${text.en}${nextText.en} ${note.en}`,
      zh: `${points} 分：${text.zh}${nextText.zh}${note.zh}`,
    },
    confidence: track.ladder.overridden ? "high" : track.ladder.confidence,
    parts: {
      points,
      reached: text,
      ...(next ? { next: { minPoints: next.minPoints, consequence: next.consequence } } : {}),
      note: confidenceText(track.ladder),
    },
  };
}

/** The more severe of two consequences (by ladder position, then points). */
export function worseConsequence(a: Consequence, b: Consequence, rulebook: Rulebook): Consequence {
  const rank = (consequence: Consequence): number => {
    for (const track of Object.values(rulebook.tracks)) {
      const index = track.ladder.value.findIndex((step) => step.level === consequence.level);
      if (index >= 0) return index;
    }
    return -1;
  };
  return rank(b) > rank(a) ? b : a;
}
