import { z } from "zod";
import type { Localized } from "../model";
import { MESSAGE_LANGUAGES, type MessageLanguage } from "./buyerLanguage";
import { MESSAGE_TEMPLATES, type MessageKind, type MessageTemplateSet, type MessageTemplates } from "./buyerMessages";

/*
 * A seller's own wording for the buyer message drafts, like the rulebook override: one JSON file whose keys are
 * languages, each holding what a built-in `templates/<language>.json` holds (any of its kinds). What it leaves out
 * stays built-in. One file because the CLI takes one `--templates FILE`, as it takes one `--rules FILE`.
 */

/** The templates drafts are written from, and why a seller's file was not used (empty when it was). */
export interface TemplateChoice {
  templates: MessageTemplateSet;
  notes: Localized[];
}

/** Placeholders each kind must hold: a draft without them would not name the order or the promised date. */
export const REQUIRED_PLACEHOLDERS: Readonly<Record<MessageKind, readonly string[]>> = {
  delay: ["orderId", "shipDate"],
  shippedLate: ["orderId"],
  trackingUpdated: ["orderId"],
};
/** Every value a draft is filled with (AE.MESSAGE fills both for every kind). */
export const PLACEHOLDERS: readonly string[] = ["orderId", "shipDate"];

/** A template file is a few kilobytes; this bounds what is parsed at all. */
export const MAX_TEMPLATE_FILE_CHARS = 200_000;

const template = z.string().min(1);
const languageTemplates = z.strictObject({
  delay: template.optional(),
  shippedLate: template.optional(),
  trackingUpdated: template.optional(),
});
const languageShape = Object.fromEntries(
  MESSAGE_LANGUAGES.map((language) => [language, languageTemplates.optional()]),
) as Record<MessageLanguage, z.ZodOptional<typeof languageTemplates>>;
const templateFile = z.strictObject({ $schema: z.string().optional(), ...languageShape });

const PLACEHOLDER = /\{(\w+)\}/g;

function refused(file: string, en: string, zh: string): TemplateChoice {
  return {
    templates: MESSAGE_TEMPLATES,
    notes: [{ en: `${file}: ${en}; the built-in templates are used.`, zh: `${file}：${zh}；已改用内置模板。` }],
  };
}

function describeIssue(issue: z.core.$ZodIssue): { en: string; zh: string } {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((name) => `"${name}"`).join(", ");
    const known =
      issue.path.length === 0 ? MESSAGE_LANGUAGES.join(", ") : Object.keys(REQUIRED_PLACEHOLDERS).join(", ");
    const where = key ? ` in ${key}` : "";
    return {
      en: `unknown key ${keys}${where} (known: ${known})`,
      zh: `${key ? `${key} 中` : ""}未知的键 ${keys}（可用：${known}）`,
    };
  }
  return {
    en: `${key || "the file"} must be ${issue.path.length <= 1 ? "an object of templates" : "a non-empty text"}`,
    zh: `${key || "文件"} 应为${issue.path.length <= 1 ? "模板对象" : "非空文本"}`,
  };
}

/** The first placeholder problem of one template: a required one missing, or one no draft fills. */
function placeholderProblem(key: string, kind: MessageKind, text: string): { en: string; zh: string } | undefined {
  const used = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  const unknown = used.find((name) => !PLACEHOLDERS.includes(name));
  if (unknown !== undefined) {
    const known = PLACEHOLDERS.map((name) => `{${name}}`).join(", ");
    return {
      en: `${key} has {${unknown}}, which no draft fills (use ${known})`,
      zh: `${key} 含有 {${unknown}}，草稿不会填写它（可用 ${known}）`,
    };
  }
  const missing = REQUIRED_PLACEHOLDERS[kind].find((name) => !used.includes(name));
  if (missing !== undefined) return { en: `${key} lacks {${missing}}`, zh: `${key} 缺少 {${missing}}` };
  return undefined;
}

/**
 * The templates a seller's file gives (parsed JSON, `file` naming it in messages), over the built-in ones. A file
 * with an unknown key, a template that is not text, or one missing a required placeholder is refused as a whole:
 * the built-in templates are used and the note says which file and key.
 */
export function templateOverride(input: unknown, file: string): TemplateChoice {
  const parsed = templateFile.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0] as z.core.$ZodIssue;
    const { en, zh } = describeIssue(first);
    return refused(file, en, zh);
  }
  const templates = { ...MESSAGE_TEMPLATES } as Record<MessageLanguage, MessageTemplates>;
  for (const language of MESSAGE_LANGUAGES) {
    const given = parsed.data[language];
    if (!given) continue;
    const merged = { ...MESSAGE_TEMPLATES[language] };
    for (const kind of Object.keys(REQUIRED_PLACEHOLDERS) as MessageKind[]) {
      const text = given[kind];
      if (text === undefined) continue;
      const problem = placeholderProblem(`${language}.${kind}`, kind, text);
      if (problem) return refused(file, problem.en, problem.zh);
      merged[kind] = text;
    }
    templates[language] = merged;
  }
  return { templates, notes: [] };
}

/** `templateOverride` for the file's text: text that is not JSON is refused the same way. */
export function templateOverrideFromText(text: string, file: string): TemplateChoice {
  if (text.length > MAX_TEMPLATE_FILE_CHARS) {
    return refused(
      file,
      `the file is ${text.length.toLocaleString("en-US")} characters long; a template file holds a few short texts`,
      `文件长 ${text.length} 个字符；模板文件只应包含几段短文本`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return refused(file, `is not valid JSON (${reason})`, `不是有效的 JSON（${reason}）`);
  }
  return templateOverride(input, file);
}
