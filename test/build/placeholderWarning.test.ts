import { DEFAULT_BASE_URL, placeholderHostWarning } from "../../scripts/build-settings";

/**
 * A production build without AE_GUARD_BASE_URL makes a manifest that points at the placeholder host, so an add-in
 * installed from it cannot load. The build must say so loudly (test and CI builds keep the placeholder on purpose).
 */
const webpackConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => { plugins: Array<{ constructor: { name: string }; message?: string }> };

function warningPlugins(mode: string, baseUrl: string | undefined) {
  const saved = process.env.AE_GUARD_BASE_URL;
  if (baseUrl === undefined) delete process.env.AE_GUARD_BASE_URL;
  else process.env.AE_GUARD_BASE_URL = baseUrl;
  try {
    return webpackConfig({}, { mode }).plugins.filter(
      (plugin) => plugin.constructor.name === "PlaceholderHostWarningPlugin",
    );
  } finally {
    if (saved === undefined) delete process.env.AE_GUARD_BASE_URL;
    else process.env.AE_GUARD_BASE_URL = saved;
  }
}

describe("a production build without AE_GUARD_BASE_URL", () => {
  it("names the placeholder host and the variable to set", () => {
    const warning = placeholderHostWarning({}) ?? "";
    expect(warning).toContain(new URL(DEFAULT_BASE_URL).host);
    expect(warning).toContain("AE_GUARD_BASE_URL");
    expect(placeholderHostWarning({ AE_GUARD_BASE_URL: "  " })).toBe(warning);
    expect(placeholderHostWarning({ AE_GUARD_BASE_URL: "https://addins.example.org/" })).toBeUndefined();
  });

  it("is warned about by the webpack build, and only then", () => {
    const [plugin] = warningPlugins("production", undefined);
    expect(plugin?.message).toBe(placeholderHostWarning({}));
    expect(warningPlugins("production", "https://addins.example.org/")).toEqual([]);
    expect(warningPlugins("development", undefined)).toEqual([]);
  });
});
