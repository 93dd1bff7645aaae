/**
 * What static hosts read besides pages: fingerprinted script files (cached forever, since a
 * change gives a new name), `_headers` with the cache policy for Netlify and Cloudflare Pages,
 * and `_redirects` for renamed articles.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Catalog } from "./content/catalog.ts";

const DEFAULTS = {
	/** Scripts served with a content hash in their name, under /assets/. */
	scripts: ["assets/js/search.js"],
};

/** Paths under these prefixes carry a content hash in their names and never change (fonts too: src/fonts.ts). */
export const IMMUTABLE_PREFIXES = ["/assets/", "/img/"];

/** `search.js` with its content -> `/assets/search.3f2a9c1e.js`. */
export function fingerprint(file: string, content: string | Buffer): string {
	const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
	const ext = path.extname(file);
	return `/assets/${path.basename(file, ext)}.${hash}${ext}`;
}

/**
 * `_headers`: hashed files are immutable. Everything else (HTML, feeds, sitemaps, the search
 * index) keeps the hosts' default, `max-age=0, must-revalidate` on both Netlify and Cloudflare
 * Pages, so a correction reaches readers on their next visit. No Cache-Control goes on `/*`:
 * Cloudflare joins the values of every matching rule, which would spoil the immutable ones.
 */
export function headersFile(): string {
	const immutable = IMMUTABLE_PREFIXES.map(
		(prefix) => `${prefix}*\n  Cache-Control: public, max-age=31536000, immutable\n`,
	).join("");
	return `/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n${immutable}`;
}

/**
 * `_redirects` for hosts that read one (Netlify, Cloudflare Pages): old address, new, 301.
 * Both read a root-relative path on either side (Cloudflare takes only a path as the source),
 * so no line names the origin: a redirect never leaves the host it is served from.
 */
export function redirectsFile(catalog: Catalog): string {
	return catalog.redirects.map((r) => `${r.from} ${r.article.href} 301\n`).join("");
}

/** The fingerprinted address of each script, by its source path, for layouts to link. */
export const assetUrls = new Map<string, string>();

/** Registers fingerprinted scripts, `_headers` and `_redirects`. */
export default function hostingPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	const common = { eleventyExcludeFromCollections: true };
	for (const file of opts.scripts) {
		// Read at start-up: the name must be known before pages link it.
		const content = readFileSync(file, "utf8");
		const href = fingerprint(file, content);
		assetUrls.set(file, href);
		eleventyConfig.addTemplate(`dateline/asset-${path.basename(file)}.11ty.js`, () => content, {
			...common,
			permalink: href,
		});
	}
	eleventyConfig.addTemplate("dateline/headers.11ty.js", () => headersFile(), {
		...common,
		permalink: "/_headers",
	});
	eleventyConfig.addTemplate(
		"dateline/redirects.11ty.js",
		(data: { dateline: Catalog }) => redirectsFile(data.dateline),
		{ ...common, permalink: "/_redirects" },
	);
}
