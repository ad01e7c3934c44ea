import type { Lang } from "../core/model";

/** Office display language (`zh-CN`, `zh-TW`, `en-US`, ...) or a browser language → the pane's language. */
export function langFromTag(tag: string | null | undefined): Lang {
  return typeof tag === "string" && /^zh\b/i.test(tag.trim()) ? "zh-CN" : "en";
}

/**
 * The pane's language: a `?lang=` query override first (browser preview and tests), then Office's display language
 * when running inside Office, then the browser's language.
 */
export function chooseLang(options: {
  query?: string;
  displayLanguage?: string | null;
  navigatorLanguage?: string | null;
}): Lang {
  const override = options.query ? new URLSearchParams(options.query).get("lang") : null;
  if (override) return langFromTag(override);
  if (options.displayLanguage) return langFromTag(options.displayLanguage);
  return langFromTag(options.navigatorLanguage);
}

export type ThemeName = "light" | "dark";

/** Relative luminance (0 black .. 1 white) of a `#rgb` / `#rrggbb` colour; undefined when it is not one. */
export function luminance(color: string | null | undefined): number | undefined {
  if (typeof color !== "string") return undefined;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Dark when Office paints the pane body dark (Dark Grey / Black themes), light otherwise and outside Office. */
export function themeFromOffice(officeTheme: { bodyBackgroundColor?: string } | null | undefined): ThemeName {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  // Mid-grey (#808080) has luminance ≈ 0.22: anything darker reads as a dark theme.
  return l !== undefined && l < 0.2 ? "dark" : "light";
}
