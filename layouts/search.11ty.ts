/**
 * The search page. With JavaScript, Pagefind searches the article bodies in the browser, with
 * filters by section and tag. Without it, the same form sends the query to a web search
 * limited to this site, so the form still leads somewhere useful.
 */
import { html } from "../src/html.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { assetUrls } from "../src/hosting.ts";
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
	const main = html`<div class="wrap listing">
<header class="listing-head"><h1>Search</h1></header>
<form class="search-form" action="https://duckduckgo.com/" method="get" role="search">
<label for="search-q">Search ${catalog.site.name}</label>
<div class="search-row">
<input id="search-q" name="q" type="search" required>
<input type="hidden" name="sites" value="${host}">
<button type="submit">Search</button>
</div>
<p class="search-note">Without JavaScript this searches ${host} on DuckDuckGo. You can also browse by <a href="${catalog.url("/tags/")}">tag</a> or by section.</p>
</form>
<div id="search" class="search-ui" data-base-url="${catalog.url("/")}"></div>
</div>
<script src="${catalog.url("/pagefind/pagefind-ui.js")}"></script>
<script src="${catalog.url(assetUrls.get("assets/js/search.js") ?? "/assets/search.js")}"></script>`;
	return base({
		catalog,
		title: "Search",
		description: `Search the articles of ${catalog.site.name}.`,
		href: catalog.url("/search/"),
		css: view.css,
		head: html`<link rel="stylesheet" href="${catalog.url("/pagefind/pagefind-ui.css")}">`,
		main,
	}).toString();
}
