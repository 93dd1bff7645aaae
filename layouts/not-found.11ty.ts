/** The 404 page, in the site's design, with ways back in. */
import { html } from "../src/html.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { base } from "./base.11ty.ts";
import { ShownPhotos, row } from "./partials.ts";

/** What the 404 template hands this layout. */
export interface NotFoundView {
	catalog: Catalog;
	css: string;
}

/** Renders the 404 page. */
export function render(view: NotFoundView): string {
	const { catalog } = view;
	const photos = new ShownPhotos();
	const main = html`<div class="wrap-wide listing">
<header class="listing-head">
<p class="label">Error 404</p>
<h1>We can’t find that page</h1>
<p class="standfirst">It may have moved, or the address may be mistyped. Try the <a href="${catalog.url("/")}">front page</a>, <a href="${catalog.url("/search/")}">search</a>, or the latest articles below.</p>
</header>
<div class="row-list">${catalog.articles.slice(0, 5).map((a) => row(catalog, a, { level: 2, photos }))}</div>
</div>`;
	return base({
		catalog,
		title: "Page not found",
		description: `The page you asked for is not on ${catalog.site.name}.`,
		href: catalog.url("/404.html"),
		css: view.css,
		noindex: true,
		noCanonical: true,
		main,
	}).toString();
}
