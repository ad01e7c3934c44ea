#!/usr/bin/env node
// Draws the AE Guard icon (a red shield with a white check mark) and writes assets/icon-<size>.png.
// No image library: shapes are sampled on a supersampled grid and encoded as RGBA PNGs with zlib.
// Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const SHIELD_RGB = [0xe6, 0x2e, 0x04]; // AliExpress red #E62E04
const MARK_RGB = [0xff, 0xff, 0xff];
const SUBSAMPLES = 8; // per axis, for anti-aliased edges

// Shape geometry in unit coordinates (0..1, y down).
const SHIELD = { top: 0.06, shoulder: 0.46, tip: 0.95, halfWidth: 0.4, topDip: 0.05 };
const CHECK = {
  points: [
    [0.3, 0.5],
    [0.45, 0.65],
    [0.71, 0.35],
  ],
  halfThickness: 0.065,
};

/** Is (x, y) inside the shield? Flat sides down to the shoulder, then a curve to the tip; the top dips slightly. */
function insideShield(x, y) {
  const dx = Math.abs(x - 0.5);
  const topEdge = SHIELD.top + SHIELD.topDip * (1 - Math.pow(dx / SHIELD.halfWidth, 2));
  if (y < topEdge || y > SHIELD.tip) return false;
  if (y <= SHIELD.shoulder) return dx <= SHIELD.halfWidth;
  const t = (y - SHIELD.shoulder) / (SHIELD.tip - SHIELD.shoulder);
  return dx <= SHIELD.halfWidth * Math.sqrt(1 - t * t);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function insideCheck(x, y) {
  const [a, b, c] = CHECK.points;
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= CHECK.halfThickness;
}

/** RGBA pixels, row-major. */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let shield = 0;
      let mark = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (col + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (row + (sy + 0.5) / SUBSAMPLES) / size;
          if (!insideShield(x, y)) continue;
          if (insideCheck(x, y)) mark++;
          else shield++;
        }
      }
      const covered = shield + mark;
      const offset = (row * size + col) * 4;
      if (covered === 0) continue;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round((SHIELD_RGB[channel] * shield + MARK_RGB[channel] * mark) / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const scanlines = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row++) {
    scanlines[row * (stride + 1)] = 0; // filter: none
    rgba.copy(scanlines, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main();
