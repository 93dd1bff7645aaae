/** The page left at an article's old address: it sends readers and crawlers to the new one. */
import { html } from "../src/html.ts";
import type { Article } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { base } from "./base.11ty.ts";

/** What the redirect template hands this layout. */
export interface RedirectView {
	catalog: Catalog;
	/** The old site-relative address. */
	from: string;
	article: Article;
	css: string;
}

/**
 * Renders a redirect page: meta refresh, canonical to the new address, and a link. The
 * refresh and the link are root-relative (the site's path prefix included), so a redirect
 * checked in the preview stays in the preview; only the canonical link names the
 * publication's origin, as search engines ask.
 */
export function render(view: RedirectView): string {
	const { catalog, article } = view;
	return base({
		catalog,
		year: new Date(article.published).getUTCFullYear(),
		title: article.data.title,
		description: article.data.description,
		href: view.from,
		canonicalHref: article.href,
		css: view.css,
		noindex: true,
		head: html`<meta http-equiv="refresh" content="0; url=${article.href}">`,
		main: html`<div class="wrap listing">
<h1>This article has moved</h1>
<p class="standfirst">It is now at <a href="${article.href}">${article.data.title}</a>.</p>
</div>`,
	}).toString();
}
