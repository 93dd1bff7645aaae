/** Pieces shared by layouts: bylines, dates, photos and article cards. */
import { html, type SafeHtml } from "../src/html.ts";
import { formatDate, formatDateTime } from "../src/dates.ts";
import type { Article, Photo } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { creditLine } from "../src/credits.ts";
import { renderBody } from "../src/markdown.ts";
import { SIZES, picture } from "./picture.ts";

/** "By Goal staff" or "By A, B and C", each name linking to the author's page. */
export function byline(article: Article): SafeHtml {
	const names = article.authors.map(
		(a) => html`<a class="author" rel="author" href="${a.href}">${a.name}</a>`,
	);
	const joined: (SafeHtml | string)[] = [];
	names.forEach((name, i) => {
		if (i > 0) joined.push(i === names.length - 1 ? " and " : ", ");
		joined.push(name);
	});
	return html`<p class="byline">By ${joined}</p>`;
}

/** A `<time>` element: machine-readable instant, words in the publication's zone. */
export function time(catalog: Catalog, iso: string, epoch: number, withTime = true): SafeHtml {
	const { language, timezone } = catalog.site;
	const words = withTime
		? formatDateTime(epoch, language, timezone)
		: formatDate(epoch, language, timezone);
	return html`<time datetime="${iso}">${words}</time>`;
}

/**
 * The lead photo as a figure with its caption and credit. `sizes` defaults to the article
 * page's wide container; a layout that shows it narrower passes its own.
 */
export function leadFigure(photo: Photo, options: { eager: boolean; sizes?: string }): SafeHtml {
	const caption = photo.caption ? html`<span class="caption">${photo.caption}</span> ` : "";
	return html`<figure class="lead-photo">
		${picture(photo, photo.alt, { sizes: options.sizes ?? SIZES.lead, eager: options.eager })}
		<figcaption>${caption}<span class="credit">${creditLine(photo)}</span></figcaption>
	</figure>`;
}

/**
 * A photo of the body: a figure with its caption and credit when it stands alone in its
 * paragraph; inside a line of text, the photo and its credit.
 */
export function bodyPhoto(photo: Photo, figure: boolean): string {
	const img = picture(photo, photo.alt, { sizes: SIZES.inline });
	const credit = html`<span class="credit">${creditLine(photo)}</span>`;
	if (!figure) return html`${img} ${credit}`.toString();
	const caption = photo.caption ? html`<span class="caption">${photo.caption}</span> ` : "";
	return html`<figure class="photo">${img}<figcaption>${caption}${credit}</figcaption></figure>\n`.toString();
}

/** An article's body as HTML, its photos drawn by `bodyPhoto`. */
export function articleBody(catalog: Catalog, article: Article): string {
	return renderBody(article.body, article.bodyPhotos, bodyPhoto, catalog.basePath);
}

/** A teaser for listings: kicker, headline link, standfirst, date. */
export function card(
	catalog: Catalog,
	article: Article,
	options: { photo?: boolean; level?: 2 | 3 } = {},
): SafeHtml {
	const level = options.level ?? 3;
	const headline = html`<a href="${article.href}">${article.data.title}</a>`;
	return html`<article class="card${options.photo ? " card-photo" : ""}">
		${options.photo ? html`<a class="card-image" href="${article.href}" tabindex="-1" aria-hidden="true">${picture(article.image, "", { sizes: SIZES.card, focus: article.image.focus })}</a>` : ""}
		<div class="card-text">
			${article.data.kicker ? html`<p class="kicker">${article.data.kicker}</p>` : ""}
			${level === 2 ? html`<h2 class="card-title">${headline}</h2>` : html`<h3 class="card-title">${headline}</h3>`}
			<p class="card-standfirst">${article.data.description}</p>
			<p class="card-meta">
				<a class="card-section" href="${article.section.href}">${article.section.name}</a> ·
				${time(catalog, article.data.date, article.published, false)}
			</p>
		</div>
	</article>`;
}
