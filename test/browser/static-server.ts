import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".arrow": "application/vnd.apache.arrow.file",
  ".csv": "text/csv",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** Serves a built Framework site on 127.0.0.1, mapping /page to page.html as Framework's URLs need. */
export function serveDirectory(root: string): Promise<{server: Server; origin: string}> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index";
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = existsSync(file + ".html") ? file + ".html" : join(file, "index.html");
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, {"content-type": "text/plain"}).end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    resolve({server, origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`});
  }));
}
