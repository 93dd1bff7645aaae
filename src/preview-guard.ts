/**
 * Answers the preview server's requests that its own file lookup would leave hanging: an
 * address whose percent-encoding is broken (`/%E0%A4%A`) or that climbs out of the output
 * folder once decoded (`/..%2f..%2fetc/passwd`). Eleventy Dev Server 2.1 throws on both inside
 * an async request handler, so the request is never answered
 * (https://github.com/11ty/dev-server/issues/150); this middleware answers 400 first.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type UserConfig from "@11ty/eleventy/UserConfig";

/** Why an address cannot name a file of the site, or undefined when it can. */
export function badRequestPath(url: string): string | undefined {
	let pathname: string;
	try {
		pathname = new URL(url, "http://localhost/").pathname;
	} catch {
		return "the address is not a URL";
	}
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return "the address holds a broken percent-encoding";
	}
	if (decoded.includes("\0")) return "the address holds a NUL character";
	if (decoded.split(/[/\\]/).includes("..")) return "the address climbs out of the site";
	return undefined;
}

/** Connect-style middleware: a bad address gets 400 at once, anything else goes on. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void {
	const why = badRequestPath(req.url ?? "/");
	if (!why) {
		next();
		return;
	}
	res.statusCode = 400;
	res.setHeader("Content-Type", "text/plain; charset=utf-8");
	res.end(`400 Bad Request: ${why}.\n`);
}

/** Registers the guard in front of the preview server's own middleware. */
export default function previewGuardPlugin(eleventyConfig: UserConfig): void {
	eleventyConfig.setServerOptions({ middleware: [guardRequest] });
}
