/**
 * The search page. With JavaScript, Pagefind searches the article bodies in the browser, with
 * a filter by section. Without it, the same form sends the query to a web search
 * limited to this site, so the form still leads somewhere useful.
 */
import { html } from "../src/html.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { assetUrls } from "../src/hosting.ts";
import { SEARCH_DIR, shards } from "../src/search.ts";
import { base } from "./base.11ty.ts";

/** What the search template hands this layout. */
export interface SearchView {
	catalog: Catalog;
	css: string;
}

/** Renders the search page. */
export function render(view: SearchView): string {
	const { catalog } = view;
	const host = new URL(catalog.site.url).host;
	// One form for both: without JavaScript it asks a web search; search.js answers it in the
	// page with Pagefind, so it looks the same either way.
	const main = html`<div class="wrap-wide listing search-page">
<header class="listing-head"><h1>Search</h1><p class="listing-count" id="search-status" role="status"></p></header>
<form class="search-form" action="https://duckduckgo.com/" method="get" role="search" data-pagefind="${catalog.url(`/${SEARCH_DIR}/`)}" data-pagefind-shards="${[...shards(catalog).keys()].join(" ")}" data-base-url="${catalog.url("/")}">
<label for="search-q">Search ${catalog.site.name}</label>
<div class="search-row">
<input id="search-q" name="q" type="search" required>
<input type="hidden" name="sites" value="${host}">
<button type="submit">Search</button>
</div>
<p class="search-note">Without JavaScript this searches ${host} on DuckDuckGo. You can also browse by <a href="${catalog.url("/tags/")}">tag</a> or by section.</p>
</form>
<div class="search-filters" id="search-filters" role="group" aria-label="Section"></div>
<div class="row-list" id="search-results"></div>
</div>
<script src="${catalog.url(assetUrls.get("assets/js/search.js") ?? "/assets/search.js")}"></script>`;
	return base({
		catalog,
		title: "Search",
		description: `Search the articles of ${catalog.site.name}.`,
		href: catalog.url("/search/"),
		css: view.css,
		main,
	}).toString();
}
