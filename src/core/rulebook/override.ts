import { z } from "zod";
import { HANDLING_DAYS_RANGE } from "./limits";
import type { LogisticsName, LogisticsRules, Rulebook, Sourced, StatusWords } from "./types";
import { isValidTimeZone } from "../dates/zone";
import type { Localized } from "../model";

/** A bad override file: the message names the key and the value; `problem` says it in English and Chinese. */
export class RulebookOverrideError extends Error {
  readonly problem: Localized;
  constructor(problem: Localized) {
    super(problem.en);
    this.name = "RulebookOverrideError";
    this.problem = problem;
  }
}

/** "Rulebook override: …" / "自定义规则文件：…", the one prefix every refusal has. */
const refusal = (en: string, zh: string): RulebookOverrideError =>
  new RulebookOverrideError({ en: `Rulebook override: ${en}`, zh: `自定义规则文件：${zh}` });

/** What a setting should hold, as a seller reads it. */
const EXPECTED: Record<string, Localized> = {
  number: { en: "a number", zh: "数字" },
  int: { en: "a whole number", zh: "整数" },
  string: { en: "text", zh: "文字" },
  boolean: { en: "true or false", zh: "true 或 false" },
  array: { en: "a list in [ ]", zh: "用 [ ] 括起的列表" },
  object: { en: "a group of settings in { }", zh: "用 { } 括起的一组设置" },
};

const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
const hours = z
  .number()
  .nonnegative()
  .max(24 * 365);

/** A number may be given bare (`5`) or as `{ "value": 5, "note": "..." }`. */
const sourcedNumber = (schema: z.ZodNumber) =>
  z.union([schema, z.strictObject({ value: schema, note: z.string().optional() })]);

/** A word list replaces the default, or `{ "add": [...] }` extends it. */
const wordList = z.union([z.array(z.string().min(1)), z.strictObject({ add: z.array(z.string().min(1)) })]);

const localizedOrText = z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), zh: z.string().min(1) })]);

const familyOverride = z.strictObject({
  pointsPerCase: sourcedNumber(amount).optional(),
  severityPoints: z
    .strictObject({
      general: sourcedNumber(amount).optional(),
      serious: sourcedNumber(amount).optional(),
      verySerious: sourcedNumber(amount).optional(),
    })
    .optional(),
  escalation: z
    .union([
      z.null(),
      z.strictObject({
        minCases: sourcedNumber(count).optional(),
        windowDays: sourcedNumber(count).optional(),
        minReuse: sourcedNumber(count).optional(),
        points: sourcedNumber(amount).optional(),
      }),
    ])
    .optional(),
});

const trackOverride = z.strictObject({
  ladder: z
    .array(z.strictObject({ minPoints: amount, level: z.string().min(1), consequence: localizedOrText }))
    .min(1)
    .optional(),
  validityDays: sourcedNumber(count).optional(),
});

const statusOverride = z.strictObject({
  unpaid: wordList.optional(),
  awaitingShipment: wordList.optional(),
  partlyShipped: wordList.optional(),
  shipped: wordList.optional(),
  completed: wordList.optional(),
  cancelled: wordList.optional(),
  ended: wordList.optional(),
  refunded: wordList.optional(),
});

const logisticsName = z.strictObject({
  id: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
  codes: z.array(z.string().min(1)).optional(),
  tier: z.enum(["economy", "standard", "premium"]).optional(),
  carries: z.array(z.string().min(1)).optional(),
});

const logisticsOverride = z.strictObject({
  /** A list replaces the table; `{ "add": [...] }` adds entries, or replaces the default entry with the same id. */
  names: z.union([z.array(logisticsName), z.strictObject({ add: z.array(logisticsName) })]).optional(),
  businessModes: z.strictObject({ warehouse: wordList.optional(), seller: wordList.optional() }).optional(),
  judgeWarehouseOrders: z.boolean().optional(),
  scanBeforePaymentToleranceHours: sourcedNumber(hours).optional(),
  onlineRate: z
    .array(z.strictObject({ hours: hours.positive(), threshold: z.number().min(0).max(1).nullable() }))
    .optional(),
});

export const rulebookOverrideSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().min(1).optional(),
  platformTimeZone: z.string().refine(isValidTimeZone, "is not a known IANA time zone").optional(),
  handlingDays: sourcedNumber(z.number().positive().max(HANDLING_DAYS_RANGE.max)).optional(),
  riskControlHours: sourcedNumber(hours).optional(),
  dueSoonHours: sourcedNumber(hours).optional(),
  onlineWindowHours: sourcedNumber(hours).optional(),
  noFirstScanDays: sourcedNumber(z.number().positive().max(365)).optional(),
  statuses: statusOverride.optional(),
  buyerSideCancelReasons: wordList.optional(),
  logistics: logisticsOverride.optional(),
  families: z.record(z.string(), familyOverride).optional(),
  tracks: z.record(z.string(), trackOverride).optional(),
});

export type RulebookOverride = z.infer<typeof rulebookOverrideSchema>;

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The schema's own checks (refine) in Chinese, by their English message. */
const CUSTOM_ZH: Record<string, string> = {
  "is not a known IANA time zone": "不是已知的时区名（IANA 时区，例如 Asia/Shanghai）",
};

/** One schema problem in a seller's words, naming the key and the value found, in English and Chinese. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): Localized {
  const key = issue.path.map(String).join(".") || "(top level)";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    return issue.path.length
      ? { en: `unknown key ${keys} in ${key}`, zh: `${key} 中没有设置项 ${keys}（未知的键）` }
      : { en: `unknown key ${keys}`, zh: `没有设置项 ${keys}（未知的键）` };
  }
  const value = valueAt(input, issue.path);
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const got = {
    en: `(got ${value === undefined ? "nothing" : shown})`,
    zh: `（当前为 ${value === undefined ? "空" : shown}）`,
  };
  const say = (en: string, zh: string): Localized => ({ en: `${key} ${en} ${got.en}`, zh: `${key} ${zh}${got.zh}` });
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? { en: issue.expected, zh: issue.expected };
      return say(`must be ${expected.en}`, `应为${expected.zh}`);
    }
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array") return say("must not be empty", "不能为空");
      return issue.inclusive
        ? say(`must be ${String(issue.minimum)} or more`, `不能小于 ${String(issue.minimum)}`)
        : say(`must be more than ${String(issue.minimum)}`, `必须大于 ${String(issue.minimum)}`);
    case "too_big":
      return issue.inclusive
        ? say(`must be ${String(issue.maximum)} or less`, `不能大于 ${String(issue.maximum)}`)
        : say(`must be less than ${String(issue.maximum)}`, `必须小于 ${String(issue.maximum)}`);
    case "invalid_union":
      // Union failures say "Invalid input"; name what a number field expects instead.
      return say("has the wrong type or is out of range", "的类型不对或超出范围");
    default:
      return say(issue.message, CUSTOM_ZH[issue.message] ?? "的值无效");
  }
}

/** An override file is a few kilobytes; this bounds what is parsed at all. */
export const MAX_OVERRIDE_CHARS = 1_000_000;
/** The deepest nesting the schema has (tracks.ID.ladder[i].consequence.en) is 5; this leaves room for mistakes. */
export const MAX_OVERRIDE_DEPTH = 12;

/** The first path nested deeper than MAX_OVERRIDE_DEPTH, walked without recursion; undefined when none is. */
function tooDeep(input: unknown): string | undefined {
  const stack: Array<{ node: unknown; path: string[] }> = [{ node: input, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: string[] };
    if (node === null || typeof node !== "object") continue;
    if (path.length >= MAX_OVERRIDE_DEPTH) return path.slice(0, 4).join(".") + "...";
    for (const key of Object.keys(node))
      stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

/** Parses and validates override JSON text. */
export function parseRulebookOverride(json: string): RulebookOverride {
  if (json.length > MAX_OVERRIDE_CHARS) {
    const length = json.length.toLocaleString("en-US");
    const most = MAX_OVERRIDE_CHARS.toLocaleString("en-US");
    throw new RulebookOverrideError({
      en: `Rulebook override is ${length} characters long; an override holds a few changed numbers and words (at most ${most} characters)`,
      zh: `自定义规则文件有 ${length} 个字符；它只需写出要改的几个数字和词语（最多 ${most} 个字符）`,
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof RangeError ? "it is nested too deeply" : (error as Error).message;
    throw new RulebookOverrideError({
      en: `Rulebook override is not valid JSON: ${reason}`,
      zh: `自定义规则文件不是有效的 JSON，请检查引号、逗号和括号（${reason}）`,
    });
  }
  const deep = tooDeep(input);
  if (deep !== undefined) {
    throw refusal(
      `${deep} is nested more than ${MAX_OVERRIDE_DEPTH} levels deep; no rulebook setting is`,
      `${deep} 嵌套超过 ${MAX_OVERRIDE_DEPTH} 层；规则中没有这么深的设置项`,
    );
  }
  const parsed = rulebookOverrideSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => describeIssue(issue, input));
    throw refusal(problems.map((p) => p.en).join("; "), problems.map((p) => p.zh).join("；"));
  }
  for (const kind of ["families", "tracks"] as const) {
    const given = (input as Record<string, unknown>)[kind];
    const kept = parsed.data[kind] ?? {};
    // A key the schema's object cannot hold as its own ("__proto__") would be dropped without a word.
    for (const id of Object.keys(given ?? {}))
      if (!Object.hasOwn(kept, id))
        throw refusal(`${kind}.${id} is not a rulebook name`, `${kind}.${id} 不是规则中的名称`);
  }
  return parsed.data;
}

type SourcedNumberInput = number | { value: number; note?: string } | undefined;

function overrideNumber(base: Sourced<number>, input: SourcedNumberInput): Sourced<number> {
  if (input === undefined) return base;
  const value = typeof input === "number" ? input : input.value;
  const note =
    typeof input === "number" ? "Set in your rulebook override." : (input.note ?? "Set in your rulebook override.");
  return { ...base, value, note, overridden: true };
}

function overrideWords(base: Sourced<string[]>, input: string[] | { add: string[] } | undefined): Sourced<string[]> {
  if (input === undefined) return base;
  const value = Array.isArray(input) ? input : [...base.value, ...input.add];
  return { ...base, value, overridden: true };
}

/** The rulebook's own entry `id` of `kind`: never a name every object inherits, such as "constructor". */
function ownEntry<T>(entries: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(entries, id) ? entries[id] : undefined;
}

function unknownId(kind: "families" | "tracks", id: string, known: string[]): RulebookOverrideError {
  const singular = kind === "families" ? { en: "family", zh: "违规类别" } : { en: "track", zh: "考核项" };
  return refusal(
    `${kind}.${id} is not a known ${singular.en} (known: ${known.join(", ")})`,
    `${kind}.${id} 不是已知的${singular.zh}（可用：${known.join("、")}）`,
  );
}

const SET_BY_USER = { overridden: true, note: "Set in your rulebook override." };

function overrideLogistics(base: LogisticsRules, input: NonNullable<RulebookOverride["logistics"]>): LogisticsRules {
  const logistics: LogisticsRules = { ...base };
  if (input.names) {
    let entries: LogisticsName[];
    if (Array.isArray(input.names)) entries = input.names;
    else {
      const added = new Map(input.names.add.map((entry) => [entry.id, entry]));
      entries = [...base.names.value.filter((entry) => !added.has(entry.id)), ...added.values()];
    }
    logistics.names = { ...base.names, value: entries, ...SET_BY_USER };
  }
  if (input.businessModes) {
    const modes = base.businessModes;
    logistics.businessModes = {
      ...modes,
      value: {
        warehouse: overrideWords({ ...modes, value: modes.value.warehouse }, input.businessModes.warehouse).value,
        seller: overrideWords({ ...modes, value: modes.value.seller }, input.businessModes.seller).value,
      },
      ...SET_BY_USER,
    };
  }
  if (input.judgeWarehouseOrders !== undefined) {
    logistics.judgeWarehouseOrders = {
      ...base.judgeWarehouseOrders,
      value: input.judgeWarehouseOrders,
      ...SET_BY_USER,
    };
  }
  logistics.scanBeforePaymentToleranceHours = overrideNumber(
    base.scanBeforePaymentToleranceHours,
    input.scanBeforePaymentToleranceHours,
  );
  if (input.onlineRate) logistics.onlineRate = { ...base.onlineRate, value: input.onlineRate, ...SET_BY_USER };
  return logistics;
}

/** The default rulebook with a validated override applied. Never mutates `base`. */
export function applyRulebookOverride(base: Rulebook, override: RulebookOverride): Rulebook {
  const rulebook = JSON.parse(JSON.stringify(base)) as Rulebook; // plain data: a JSON copy is a deep copy
  if (override.version) rulebook.version = `${base.version}+${override.version}`;
  else rulebook.version = `${base.version}+custom`;
  if (override.platformTimeZone) {
    rulebook.platformTimeZone = { ...base.platformTimeZone, value: override.platformTimeZone, overridden: true };
  }
  rulebook.handlingDays = overrideNumber(base.handlingDays, override.handlingDays);
  rulebook.riskControlHours = overrideNumber(base.riskControlHours, override.riskControlHours);
  rulebook.dueSoonHours = overrideNumber(base.dueSoonHours, override.dueSoonHours);
  rulebook.onlineWindowHours = overrideNumber(base.onlineWindowHours, override.onlineWindowHours);
  rulebook.noFirstScanDays = overrideNumber(base.noFirstScanDays, override.noFirstScanDays);

  if (override.statuses) {
    const words: StatusWords = { ...base.statuses.value };
    for (const key of Object.keys(override.statuses) as Array<keyof StatusWords>) {
      const list = override.statuses[key];
      words[key] = overrideWords({ ...base.statuses, value: base.statuses.value[key] }, list).value;
    }
    rulebook.statuses = { ...base.statuses, value: words, overridden: true };
  }
  rulebook.buyerSideCancelReasons = overrideWords(base.buyerSideCancelReasons, override.buyerSideCancelReasons);
  if (override.logistics) rulebook.logistics = overrideLogistics(base.logistics, override.logistics);

  for (const [id, familyInput] of Object.entries(override.families ?? {})) {
    const family = ownEntry(rulebook.families, id);
    if (!family) throw unknownId("families", id, Object.keys(base.families));
    family.pointsPerCase = overrideNumber(family.pointsPerCase, familyInput.pointsPerCase);
    for (const severity of ["general", "serious", "verySerious"] as const) {
      const current = family.severityPoints[severity] ?? family.pointsPerCase;
      const input = familyInput.severityPoints?.[severity];
      if (input !== undefined) family.severityPoints[severity] = overrideNumber(current, input);
    }
    if (familyInput.escalation === null) delete family.escalation;
    else if (familyInput.escalation) {
      const current = family.escalation;
      if (!current) {
        throw refusal(
          `families.${id}.escalation cannot be added, the default rulebook has none for ${id}`,
          `families.${id}.escalation 不能新增：内置规则中 ${id} 没有加重处罚`,
        );
      }
      current.minCases = overrideNumber(current.minCases, familyInput.escalation.minCases);
      current.windowDays = overrideNumber(current.windowDays, familyInput.escalation.windowDays);
      if (current.minReuse) current.minReuse = overrideNumber(current.minReuse, familyInput.escalation.minReuse);
      current.points = overrideNumber(current.points, familyInput.escalation.points);
    }
  }

  for (const [id, trackInput] of Object.entries(override.tracks ?? {})) {
    const track = ownEntry(rulebook.tracks, id);
    if (!track) throw unknownId("tracks", id, Object.keys(base.tracks));
    if (trackInput.ladder) {
      const ladder = [...trackInput.ladder]
        .sort((a, b) => a.minPoints - b.minPoints)
        .map((step) => ({
          minPoints: step.minPoints,
          level: step.level,
          consequence:
            typeof step.consequence === "string" ? { en: step.consequence, zh: step.consequence } : step.consequence,
        }));
      track.ladder = { ...track.ladder, value: ladder, overridden: true, note: "Set in your rulebook override." };
    }
    track.validityDays = overrideNumber(track.validityDays, trackInput.validityDays);
  }
  return rulebook;
}
