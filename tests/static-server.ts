/** A small static file server for the built site, as a static host serves it (404.html for misses). */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml": "application/xml",
	".txt": "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".jpg": "image/jpeg",
	".png": "image/png",
	".webp": "image/webp",
	".avif": "image/avif",
	".svg": "image/svg+xml",
	".woff2": "font/woff2",
	".wasm": "application/wasm",
};

/** Serves `root` on a free loopback port; resolves with its origin and a way to stop it. */
export async function serveStatic(
	root: string,
): Promise<{ origin: string; server: Server; close: () => Promise<void> }> {
	const server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? "/", "http://localhost");
			let file = path.join(root, decodeURIComponent(url.pathname));
			if (!file.startsWith(root)) file = path.join(root, "404.html");
			try {
				if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
				const body = await readFile(file);
				res.writeHead(200, {
					"content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
				});
				res.end(body);
			} catch {
				res.writeHead(404, { "content-type": TYPES[".html"] });
				res.end(await readFile(path.join(root, "404.html")).catch(() => "Not found"));
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : 0;
	return {
		origin: `http://127.0.0.1:${String(port)}`,
		server,
		close: () =>
			new Promise((resolve) => {
				server.close(() => {
					resolve();
				});
			}),
	};
}
