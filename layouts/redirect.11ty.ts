/** The page left at an article's old address: it sends readers and crawlers to the new one. */
import { html } from "../src/html.ts";
import type { Article } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { absoluteUrl } from "../src/urls.ts";
import { base } from "./base.11ty.ts";

/** What the redirect template hands this layout. */
export interface RedirectView {
	catalog: Catalog;
	/** The old site-relative address. */
	from: string;
	article: Article;
	css: string;
}

/** Renders a redirect page: meta refresh, canonical to the new address, and a link. */
export function render(view: RedirectView): string {
	const { catalog, article } = view;
	const target = absoluteUrl(catalog, article.href);
	return base({
		catalog,
		title: article.data.title,
		description: article.data.description,
		href: view.from,
		canonicalHref: article.href,
		css: view.css,
		noindex: true,
		head: html`<meta http-equiv="refresh" content="0; url=${target}">`,
		main: html`<div class="wrap listing">
<h1>This article has moved</h1>
<p class="standfirst">It is now at <a href="${article.href}">${article.data.title}</a>.</p>
</div>`,
	}).toString();
}
