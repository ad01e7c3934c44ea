#!/usr/bin/env node
"use strict";
/**
 * Writes the bundled sample order exports into samples/ from the deterministic generator in src/samples:
 * orders-zh.xlsx, orders-en.xlsx, orders-en.csv (UTF-8 with BOM) and orders-zh.csv (GB18030).
 * Run after `npm run prepare` (it uses the compiled lib/): node scripts/make-samples.js
 */
const fs = require("node:fs");
const path = require("node:path");
const { writeSampleWorkbook, sampleCsvText } = require("../lib/cli/sampleFiles.js");

/** GB18030 bytes for text, by inverting the platform's GB18030 decoder over the two- and four-byte ranges. */
function gb18030Encoder() {
  const decoder = new TextDecoder("gb18030");
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          const char = decoder.decode(Uint8Array.of(b1, b2, b3, b4));
          if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [b1, b2, b3, b4]);
        }
  return (text) => {
    const bytes = [];
    for (const char of text) {
      const code = char.codePointAt(0);
      if (code < 0x80) bytes.push(code);
      else {
        const encoded = table.get(char);
        if (!encoded) throw new Error(`no GB18030 encoding for U+${code.toString(16)}`);
        bytes.push(...encoded);
      }
    }
    return Buffer.from(bytes);
  };
}

async function main() {
  const dir = path.resolve(__dirname, "..", "samples");
  fs.mkdirSync(dir, { recursive: true });
  await writeSampleWorkbook("zh-CN", path.join(dir, "orders-zh.xlsx"));
  await writeSampleWorkbook("en", path.join(dir, "orders-en.xlsx"));
  fs.writeFileSync(path.join(dir, "orders-en.csv"), "\ufeff" + sampleCsvText("en"), "utf8");
  fs.writeFileSync(path.join(dir, "orders-zh.csv"), gb18030Encoder()(sampleCsvText("zh-CN")));
  console.log(`wrote the samples to ${path.relative(process.cwd(), dir) || "."}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
