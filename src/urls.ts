/** Site-relative addresses made absolute against the publication's URL. */
import type { Catalog } from "./content/catalog.ts";

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
