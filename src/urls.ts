/** Site-relative addresses made absolute against the publication's URL. */
import type { Catalog } from "./content.ts";

/** `/articles/x/` -> `https://dateline.example/articles/x/`. */
export function absoluteUrl(catalog: Pick<Catalog, "site">, href: string): string {
	return new URL(href.replace(/^\//, ""), catalog.site.url.replace(/\/?$/, "/")).href;
}
