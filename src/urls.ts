/** Site-relative addresses made absolute against the publication's URL. */
import type { Catalog } from "./content.ts";

/**
 * An address as the site serves it (base path included, as every href in the catalog is)
 * made absolute: `/dateline/articles/x/` -> `https://newsroom.github.io/dateline/articles/x/`.
 */
export function absoluteUrl(catalog: Pick<Catalog, "site">, href: string): string {
	return new URL(href, catalog.site.url).href;
}
