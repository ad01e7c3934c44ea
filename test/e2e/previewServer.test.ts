/**
 * scripts/preview.js: the static server behind `npm run preview` and the browser test. Serves a folder with the
 * right content types, nothing outside it, and stops cleanly on SIGINT/SIGTERM.
 */
import { spawn } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { parseArgs, serve } from "../../scripts/preview";

const SCRIPT = path.resolve(__dirname, "../../scripts/preview.js");

describe("preview server", () => {
  let root: string;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "ae-guard-preview-"));
    mkdirSync(path.join(root, "assets"));
    writeFileSync(path.join(root, "taskpane.html"), "<!doctype html><title>AE Guard</title>");
    writeFileSync(path.join(root, "taskpane.js"), "console.log(1)");
    writeFileSync(path.join(root, "functions.json"), "{}");
    writeFileSync(path.join(root, "assets", "icon-16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(path.join(os.tmpdir(), "ae-guard-secret.txt"), "outside");
    ({ url, close } = await serve({ root, port: 0 }));
  });

  afterAll(async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(os.tmpdir(), "ae-guard-secret.txt"), { force: true });
  });

  const origin = () => new URL(url).origin;

  test("the page address is http://localhost:PORT/taskpane.html", () => {
    expect(url).toMatch(/^http:\/\/localhost:\d+\/taskpane\.html$/);
  });

  test.each([
    ["/taskpane.html", "text/html; charset=utf-8"],
    ["/taskpane.js", "text/javascript; charset=utf-8"],
    ["/functions.json", "application/json; charset=utf-8"],
    ["/assets/icon-16.png", "image/png"],
  ])("%s is served as %s", async (file, type) => {
    const response = await fetch(origin() + file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
  });

  test("/ redirects to the pane; a missing file is 404; nothing outside the folder is served", async () => {
    const home = await fetch(origin() + "/", { redirect: "manual" });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/taskpane.html");
    expect((await fetch(origin() + "/nope.js")).status).toBe(404);
    const escape = await fetch(origin() + "/..%2Fae-guard-secret.txt");
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain("outside");
    expect((await fetch(origin() + "/taskpane.html", { method: "POST" })).status).toBe(405);
  });

  test("options: --no-build, --build-only, --port, --out", () => {
    expect(parseArgs(["--no-build", "--port", "4000"])).toMatchObject({ build: false, serve: true, port: 4000 });
    expect(parseArgs(["--build-only", "--out=x"])).toMatchObject({ build: true, serve: false, out: path.resolve("x") });
    expect(() => parseArgs(["--port", "70000"])).toThrow(/--port/);
    expect(() => parseArgs(["--no-build", "--build-only"])).toThrow(/nothing to do/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown option/);
  });

  test.each(["SIGINT", "SIGTERM"] as const)(
    "`node scripts/preview.js --no-build` prints the address, serves, and exits 0 on %s",
    async (signal) => {
      const child = spawn(process.execPath, [SCRIPT, "--no-build", "--port", "0", "--out", root], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/localhost:\d+\/taskpane\.html)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      expect((await fetch(address)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill(signal);
      expect(await exit).toBe(0);
    },
    20_000,
  );

  test("--no-build on a folder without a build says what to do and exits 2", async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "ae-guard-empty-"));
    const child = spawn(process.execPath, [SCRIPT, "--no-build", "--port", "0", "--out", empty], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    rmSync(empty, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(/run without --no-build/);
  });
});
