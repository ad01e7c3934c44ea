// Build settings shared by webpack.config.js and the build tests (test/build), so both agree on the URLs.
"use strict";

/** Origin every URL in the source manifest.xml uses; the dev server listens here. */
const DEV_BASE_URL = "https://localhost:3000/";
const DEV_SERVER_PORT = 3000;

/** Where a production build is served from unless AE_GUARD_BASE_URL says otherwise. */
const DEFAULT_BASE_URL = "https://ae-guard.example.com/";

/** The CDN copy of office.js that Office add-ins are expected to load. */
const OFFICE_JS_CDN_URL = "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js";

/** Where the offline build (AE_GUARD_OFFLINE=1) puts its local copy of office.js, relative to dist/. */
const OFFLINE_OFFICE_JS_DIR = "assets/office-js/";

/**
 * The production base URL from AE_GUARD_BASE_URL (or the default), always ending in "/".
 * Office only loads add-ins over HTTPS, so anything else is refused with a message saying why.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
function resolveBaseUrl(env) {
  const raw = (env.AE_GUARD_BASE_URL || "").trim() || DEFAULT_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`AE_GUARD_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`AE_GUARD_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS): "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`AE_GUARD_BASE_URL must not carry a query or fragment: "${raw}"`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/**
 * The warning a production build prints when AE_GUARD_BASE_URL is not set: its manifest then points at the
 * placeholder host, which serves nothing, so the add-in it describes cannot load. Undefined when the variable is set.
 * (Test and CI builds keep the placeholder on purpose: they only check the build, nobody installs it.)
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
function placeholderHostWarning(env) {
  if ((env.AE_GUARD_BASE_URL || "").trim() !== "") return undefined;
  const host = new URL(DEFAULT_BASE_URL).host;
  const rule = "!".repeat(78);
  return [
    rule,
    `!! dist/manifest.xml points at the placeholder host ${host}, which serves nothing:`,
    "!! Excel cannot load an add-in installed from this build.",
    "!! Set AE_GUARD_BASE_URL to the https:// address dist/ will be served from and build again, e.g.",
    "!!   AE_GUARD_BASE_URL=https://addins.example.org/ae-guard/ npm run build",
    rule,
  ].join("\n");
}

/**
 * True when the build should reference the local office.js copy instead of the CDN (browser preview, CI).
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
function isOfflineBuild(env) {
  const value = (env.AE_GUARD_OFFLINE || "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/**
 * Rewrites EVERY occurrence of the dev origin in a manifest to the production base URL (the template replaced only
 * the first one).
 * @param {string} manifestXml
 * @param {string} baseUrl
 * @returns {string}
 */
function rewriteManifestUrls(manifestXml, baseUrl) {
  return manifestXml.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = {
  DEV_BASE_URL,
  DEV_SERVER_PORT,
  DEFAULT_BASE_URL,
  OFFICE_JS_CDN_URL,
  OFFLINE_OFFICE_JS_DIR,
  resolveBaseUrl,
  placeholderHostWarning,
  isOfflineBuild,
  rewriteManifestUrls,
};
