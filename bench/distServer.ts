// dist/ served on loopback as a web host serves a published add-in: every text file gzip-compressed
// (level 9, as scripts/size.mjs counts it), so that what the browser transfers is what the budget counts.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { TYPES } from "../tests/support/server";

const COMPRESSED = new Set([".html", ".js", ".json", ".xml"]);

export interface DistServer {
  url: string;
  close: () => Promise<void>;
}

export async function serveDistGzip(dist: string): Promise<DistServer> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = extname(file);
    const gzip = COMPRESSED.has(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    let body = cache.get(`${gzip}:${file}`);
    if (!body) {
      body = gzip ? gzipSync(readFileSync(file), { level: 9 }) : readFileSync(file);
      cache.set(`${gzip}:${file}`, body);
    }
    res.writeHead(200, {
      "Content-Type": TYPES[type] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-cache",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
