/** The HTML a feed entry carries: the lead photo with its caption and credit, then the body. */
import type { Catalog } from "../src/content/catalog.ts";
import type { Article } from "../src/content/types.ts";
import { creditLine } from "../src/credits.ts";
import { escapeHtml as esc } from "../src/html.ts";
import { absolutizeHtml } from "../src/urls.ts";
import { articleBody } from "./partials.ts";

/** The HTML a feed carries for an article: lead photo with caption and credit, then the body. */
export function feedHtml(catalog: Catalog, article: Article): string {
	// The newest articles sit in the site feed and their section's, each in Atom and JSON.
	let markup = feedHtmlCache.get(article);
	if (markup === undefined) {
		markup = buildFeedHtml(catalog, article);
		feedHtmlCache.set(article, markup);
	}
	return markup;
}

// Articles are new objects on every build, so entries never outlive the build they belong to.
const feedHtmlCache = new WeakMap<Article, string>();

function buildFeedHtml(catalog: Catalog, article: Article): string {
	const photo = article.image;
	const src = photo.rendition?.fallback.href ?? photo.href;
	const caption = [photo.caption, creditLine(photo)]
		.filter(Boolean)
		.map((t) => esc(t ?? ""))
		.join("<br>");
	const figure = `<figure><img src="${esc(src)}" alt="${esc(photo.alt)}" width="${String(photo.rendition?.fallback.width ?? photo.width)}" height="${String(photo.rendition?.fallback.height ?? photo.height)}"><figcaption>${caption}</figcaption></figure>\n`;
	return absolutizeHtml(catalog, figure + articleBody(catalog, article));
}
