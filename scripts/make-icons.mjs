// Draws Margen's toolbar icon (a page with a wide margin and a held dot) as PNGs, so the
// repository needs no image tool. Run once with `node scripts/make-icons.mjs`; output is committed.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(size) {
  const px = (x, y) => {
    const u = (x + 0.5) / size
    const v = (y + 0.5) / size
    const r = 0.2
    // rounded square background
    const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0)
    const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0)
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0]
    // held dot, top right
    if ((u - 0.72) ** 2 + (v - 0.3) ** 2 < 0.016) return [255, 196, 61, 255]
    // text lines, leaving a wide left margin
    if (u > 0.38 && u < 0.8 && [0.5, 0.64, 0.78].some((l) => Math.abs(v - l) < 0.035))
      return [255, 255, 255, 235]
    if (u > 0.22 && u < 0.26 && v > 0.2 && v < 0.82) return [255, 255, 255, 140]
    return [91, 63, 191, 255]
  }
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) Buffer.from(px(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size))
