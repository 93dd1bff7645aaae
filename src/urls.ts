/** Site-relative addresses made absolute against the publication's URL. */
import path from "node:path";
import type { Catalog } from "./content/catalog.ts";

/**
 * A file below a folder as the path of an address, each name percent-encoded, so any file name
 * an editor gives is one address: `brand/logo #1?.png` -> `brand/logo%20%231%3F.png`.
 */
export function urlPath(dir: string, file: string): string {
	return path.relative(dir, file).split(path.sep).map(encodeURIComponent).join("/");
}

/**
 * An address as the site serves it (base path included, as every href in the catalog is)
 * made absolute: `/dateline/articles/x/` -> `https://newsroom.github.io/dateline/articles/x/`.
 */
export function absoluteUrl(catalog: Pick<Catalog, "site">, href: string): string {
	return new URL(href, catalog.site.url).href;
}

/** Rewrites the site-relative URLs of our own markup (href, src, srcset) to absolute ones. */
export function absolutizeHtml(catalog: Catalog, markup: string): string {
	const abs = (href: string) => absoluteUrl(catalog, href);
	return markup
		.replace(
			/(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g,
			(_, attr: string, href: string) => `${attr}${abs(href)}"`,
		)
		.replace(/(\ssrcset=")([^"]*)"/g, (_, attr: string, set: string) => {
			const candidates = set
				.split(",")
				.map((c) => c.trim().replace(/^\/(?!\/)\S*/, (href) => abs(href)));
			return `${attr}${candidates.join(", ")}"`;
		});
}
