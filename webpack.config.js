// AE Guard add-in build. One page, taskpane.html, hosts the task pane, the custom functions and the ribbon
// commands (shared runtime), so all three bundles are injected into it.
//
// Environment variables:
//   AE_GUARD_BASE_URL  production only: where dist/ will be served (https). Every https://localhost:3000/ in
//                      manifest.xml is rewritten to it. Left unset, the manifest points at the placeholder
//                      https://ae-guard.example.com/ and the build says so loudly (test and CI builds do this).
//   AE_GUARD_OFFLINE=1 taskpane.html loads a local copy of office.js (dist/assets/office-js/) instead of the CDN,
//                      for the browser preview and tests on machines without internet.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ExcelLoadPlugin } = require("./scripts/excel-load");
const { FunctionsMetadataFlagsPlugin } = require("./scripts/functions-metadata-flags");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/localized-functions-metadata");
const {
  DEV_BASE_URL,
  DEV_SERVER_PORT,
  OFFICE_JS_CDN_URL,
  OFFLINE_OFFICE_JS_DIR,
  isOfflineBuild,
  placeholderHostWarning,
  resolveBaseUrl,
  rewriteManifestUrls,
} = require("./scripts/build-settings");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
// What office.js fetches next to itself outside Office: its loader table and its UI strings (en-US and zh-CN).
const OFFICE_JS_OFFLINE_FILES = [
  "office.js",
  "office.debug.js",
  "o15apptofilemappingtable.js",
  "o15apptofilemappingtable.debug.js",
  "en-us/office_strings.js",
  "en-us/office_strings.debug.js",
  "zh-cn/office_strings.js",
  "zh-cn/office_strings.debug.js",
];

/** HTTPS options from the certificates `npx office-addin-dev-certs install` leaves in ~/.office-addin-dev-certs. */
function readDevCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, path.join(dir, file)]));
  if (!Object.values(paths).every((file) => fs.existsSync(file))) return null;
  return Object.fromEntries(Object.entries(paths).map(([name, file]) => [name, fs.readFileSync(file)]));
}

function devServerOptions() {
  const certificates = readDevCertificates();
  if (certificates === null) {
    console.warn(
      "[ae-guard] No dev certificates in ~/.office-addin-dev-certs: serving plain HTTP on port " +
        `${DEV_SERVER_PORT}. Office needs HTTPS; run \`npx office-addin-dev-certs install\` first to sideload.`,
    );
  }
  return {
    port: DEV_SERVER_PORT,
    server: certificates === null ? "http" : { type: "https", options: certificates },
    headers: { "Access-Control-Allow-Origin": "*" },
    hot: false, // HMR cannot swap the shared runtime's custom functions; a full reload can.
    client: { overlay: { errors: true, warnings: false } },
    static: false,
  };
}

function manifestTransform(production, baseUrl) {
  return (content) => {
    const source = content.toString();
    if (!production) return source;
    // Comments are for the source manifest's readers; they mention the dev server, so they do not ship.
    const rewritten = rewriteManifestUrls(source.replace(/<!--[\s\S]*?-->\s*/g, ""), baseUrl);
    const leftover = rewritten.match(/[^"<\s]*(localhost|127\.0\.0\.1)[^"<\s]*/);
    if (leftover) {
      throw new Error(`manifest.xml still points at ${leftover[0]} after rewriting ${DEV_BASE_URL} to ${baseUrl}`);
    }
    return rewritten;
  };
}

/** Says loudly, on the console and among webpack's warnings, that the manifest points at the placeholder host. */
class PlaceholderHostWarningPlugin {
  constructor(message) {
    this.message = message;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PlaceholderHostWarningPlugin", (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(this.message));
    });
    compiler.hooks.done.tap("PlaceholderHostWarningPlugin", () => console.warn(`\n${this.message}\n`));
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const placeholderWarning = production ? placeholderHostWarning(process.env) : undefined;
  const offline = isOfflineBuild(process.env);
  const baseUrl = production ? resolveBaseUrl(process.env) : DEV_BASE_URL;
  const officeJsUrl = offline ? `${OFFLINE_OFFICE_JS_DIR}office.js` : OFFICE_JS_CDN_URL;

  const copyPatterns = [
    { from: "assets", to: "assets" },
    { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(production, baseUrl) },
  ];
  if (offline) {
    for (const file of OFFICE_JS_OFFLINE_FILES) {
      copyPatterns.push({
        from: path.join(OFFICE_JS_DIST, file),
        to: `${OFFLINE_OFFICE_JS_DIR}${file}`,
        info: { minimized: true }, // ship Microsoft's files byte for byte; Terser must not touch them
      });
    }
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js, and functions.json is fetched by name.
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is its own step (`tsc --noEmit`); here we only transpile.
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: !production },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name].[contenthash:8][ext]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      // allowErrorForDataTypeAny, which JSDoc cannot say; set before the zh-CN copy is made from functions.json.
      new FunctionsMetadataFlagsPlugin({ file: "functions.json" }),
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        output: "functions.zh-CN.json",
        translations: "src/functions/functions.zh-CN.json",
        locale: "zh-CN",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first, so CustomFunctions.associate runs before the React tree starts.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      ...(placeholderWarning ? [new PlaceholderHostWarningPlugin(placeholderWarning)] : []),
      // What Excel loads when the pane opens stays within issue 24's budget (dist/excel-load.json has the figures).
      ...(production ? [new ExcelLoadPlugin()] : []),
    ],
    performance: production
      ? {
          hints: "warning",
          // A Fluent v9 task pane is a few hundred KB minified; warn well before it gets heavy for Excel on the web.
          maxEntrypointSize: 1024 * 1024,
          maxAssetSize: 1024 * 1024,
          assetFilter: (file) => file.endsWith(".js") && !file.startsWith(OFFLINE_OFFICE_JS_DIR),
        }
      : false,
    // Only `webpack serve` needs (and warns about) certificates.
    devServer: env && env.WEBPACK_SERVE ? devServerOptions() : undefined,
  };
};
