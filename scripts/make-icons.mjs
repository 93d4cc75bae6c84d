// Draws the add-in icon (a blue rounded square with a white check mark over three bars) at the
// sizes the manifest asks for, as PNG, with nothing but zlib. Run: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const distToSegment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

function pixel(x, y, size) {
  const u = x / size, v = y / size; // 0..1
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  const inside = Math.hypot(u - cx, v - cy) <= r;
  if (!inside) return [0, 0, 0, 0];
  const check = Math.min(distToSegment(u, v, 0.24, 0.52, 0.43, 0.7), distToSegment(u, v, 0.43, 0.7, 0.78, 0.3));
  if (check < 0.075) return [255, 255, 255, 255];
  // three bars at the bottom left, lighter blue
  const bars = [[0.2, 0.82, 0.3], [0.34, 0.82, 0.22], [0.48, 0.82, 0.14]];
  for (const [bx, base, h] of bars) {
    if (u >= bx && u <= bx + 0.09 && v <= base && v >= base - h && check > 0.12) return [120, 180, 240, 255];
  }
  return [15, 108, 189, 255];
}

for (const size of [16, 32, 64, 80]) {
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size, pixel));
}
console.log("assets/icon-{16,32,64,80}.png written");
