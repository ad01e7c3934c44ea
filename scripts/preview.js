#!/usr/bin/env node
// Browser preview of the task pane: builds the add-in with the local office.js copy (AE_GUARD_OFFLINE=1) and serves
// it over plain HTTP, so the pane can be tried without Excel (it runs on the bundled sample workbook).
//
//   node scripts/preview.js [--no-build | --build-only] [--port N] [--out DIR]
//
//   --no-build    serve what is already built in DIR
//   --build-only  build and exit (the browser test builds this way)
//   --port N      port to listen on (default: package.json config.dev_server_port, else 3000; 0 = any free port)
//   --out DIR     build output and served folder (default: dist-preview, so the production dist/ is left alone)
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");
const { DEV_SERVER_PORT } = require("./build-settings");

const ROOT = path.resolve(__dirname, "..");
const PAGE = "taskpane.html";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** @param {string} file */
function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/**
 * @param {string[]} argv
 * @returns {{ build: boolean, serve: boolean, port: number, out: string }}
 */
function parseArgs(argv) {
  const options = {
    build: true,
    serve: true,
    port: Number(process.env.npm_package_config_dev_server_port) || DEV_SERVER_PORT,
    out: path.join(ROOT, "dist-preview"),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline !== undefined ? inline : argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--no-build":
        options.build = false;
        break;
      case "--build-only":
        options.serve = false;
        break;
      case "--port": {
        const text = value();
        const port = Number(text);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port must be 0..65535, got "${text}"`);
        options.port = port;
        break;
      }
      case "--out":
        options.out = path.resolve(process.cwd(), value());
        break;
      case "--help":
      case "-h":
        process.stdout.write(
          fs
            .readFileSync(__filename, "utf8")
            .split("\n")
            .slice(1, 11)
            .join("\n")
            .replace(/^\/\/ ?/gm, "") + "\n",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (try --help)`);
    }
  }
  if (!options.build && !options.serve) throw new Error("--no-build and --build-only together leave nothing to do");
  return options;
}

/**
 * Production build with the local office.js into `out`.
 * @param {string} out
 */
function build(out) {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  process.stdout.write(
    `Building the browser preview into ${path.relative(process.cwd(), out) || "."} (AE_GUARD_OFFLINE=1)…\n`,
  );
  const result = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    env: { ...process.env, AE_GUARD_OFFLINE: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`webpack failed (exit ${result.status ?? result.signal})`);
}

/**
 * A static file server over `root`: GET/HEAD only, no directory listings, nothing outside `root`.
 * @param {string} root
 * @returns {http.Server}
 */
function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((request, response) => {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        ...headers,
      });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    } catch {
      return send(400, "Bad request\n");
    }
    if (pathname === "/") return send(302, `See /${PAGE}\n`, { Location: `/${PAGE}` });
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, "Forbidden\n");
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) return send(404, `Not found: ${pathname}\n`);
      response.writeHead(200, {
        "Content-Type": contentType(file),
        "Content-Length": stats.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") return response.end();
      fs.createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    });
  });
}

/**
 * Starts serving `root`; resolves with the server and its page address once listening.
 * @param {{ root: string, port?: number, host?: string }} options
 * @returns {Promise<{ server: http.Server, url: string, close: () => Promise<void> }>}
 */
function serve({ root, port = 0, host = "127.0.0.1" }) {
  const server = createServer(root);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ server, url: `http://localhost:${actualPort}/${PAGE}`, close });
    });
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.build) build(options.out);
    if (!options.serve) return;
    if (!fs.existsSync(path.join(options.out, PAGE))) {
      throw new Error(`${path.join(options.out, PAGE)} does not exist: run without --no-build first`);
    }
  } catch (error) {
    process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }

  let running;
  try {
    running = await serve({ root: options.out, port: options.port });
  } catch (error) {
    const reason =
      error && error.code === "EADDRINUSE" ? `port ${options.port} is in use (try --port 0)` : String(error);
    process.stderr.write(`preview: cannot listen: ${reason}\n`);
    process.exit(1);
  }
  process.stdout.write(`AE Guard browser preview (sample workbook, no Excel): ${running.url}\n`);
  process.stdout.write("Press Ctrl+C to stop.\n");

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the preview server.\n`);
    running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

module.exports = { parseArgs, createServer, serve, build, contentType };

if (require.main === module) void main();
