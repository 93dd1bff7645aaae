/** Pieces shared by layouts: bylines, dates, photos, article cards and list rows. */
import { html, type SafeHtml } from "../src/html.ts";
import { formatDate, formatDateTime } from "../src/dates.ts";
import type { Article, Photo } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { creditLine } from "../src/credits.ts";
import { renderBody } from "../src/markdown.ts";
import { typographic } from "../src/typography.ts";
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
 * The photos a page already shows, by published file: the same photo is shown once per page,
 * however many of its stories use it.
 */
export class ShownPhotos {
	readonly #seen = new Set<string>();
	/** True the first time a photo is offered (and from then on it counts as shown). */
	claim(photo: Photo): boolean {
		const key = photo.rendition?.fallback.href ?? photo.file;
		if (this.#seen.has(key)) return false;
		this.#seen.add(key);
		return true;
	}
}

/**
 * The lead photo as a figure with its caption and credit. `sizes` defaults to the article
 * page's wide container; a layout that shows it narrower passes its own.
 */
export function leadFigure(photo: Photo, options: { eager: boolean; sizes?: string }): SafeHtml {
	const caption = photo.caption
		? html`<span class="caption">${typographic(photo.caption)}</span> `
		: "";
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
	const caption = photo.caption
		? html`<span class="caption">${typographic(photo.caption)}</span> `
		: "";
	return html`<figure class="photo">${img}<figcaption>${caption}${credit}</figcaption></figure>\n`.toString();
}

/** An article's body as HTML, its photos drawn by `bodyPhoto`. */
export function articleBody(catalog: Catalog, article: Article): string {
	return renderBody(article.body, article.bodyPhotos, bodyPhoto, catalog.basePath);
}

/**
 * In the preview, the mark a listing puts on an article readers cannot see yet: "Draft", or
 * "Scheduled for July 30, 2018 at 9:00 AM CDT". Nothing for a published article.
 */
export function statusMark(catalog: Catalog, article: Article): SafeHtml | string {
	if (article.status === "published") return "";
	const { language, timezone } = catalog.site;
	const words =
		article.status === "draft"
			? "Draft"
			: `Scheduled for ${formatDateTime(article.published, language, timezone)}`;
	return html`<p class="status-mark">${words}</p>`;
}

/**
 * The one label a teaser carries: the editor's kicker, else its section (as a link), unless
 * the page is that section's own.
 */
export function label(article: Article, sectionId?: string): SafeHtml | string {
	if (article.data.kicker) return html`<p class="label">${typographic(article.data.kicker)}</p>`;
	if (article.section.id === sectionId) return "";
	return html`<p class="label"><a href="${article.section.href}">${article.section.name}</a></p>`;
}

/** How a card or row is set: its heading level, the page's photos, its section if any. */
export interface TeaserOptions {
	level?: 2 | 3;
	/** Where the teaser may show its photo; without it, no photo. */
	photos?: ShownPhotos;
	/** The section whose page this is: its stories need no section label. */
	sectionId?: string;
}

function teaserText(catalog: Catalog, article: Article, options: TeaserOptions): SafeHtml {
	const headline = html`<a href="${article.href}">${typographic(article.data.title)}</a>`;
	return html`${statusMark(catalog, article)}
			${label(article, options.sectionId)}
			${options.level === 2 ? html`<h2 class="card-title">${headline}</h2>` : html`<h3 class="card-title">${headline}</h3>`}
			<p class="card-standfirst">${typographic(article.data.description)}</p>
			<p class="card-meta">${time(catalog, article.data.date, article.published, false)}</p>`;
}

function teaserPhoto(article: Article, cls: string, sizes: string, options: TeaserOptions) {
	if (!options.photos?.claim(article.image)) return "";
	return html`<a class="${cls}" href="${article.href}" tabindex="-1" aria-hidden="true">${picture(article.image, "", { sizes, focus: article.image.focus })}</a>`;
}

/** A teaser for grids: photo (when not already on the page), label, headline, standfirst, date. */
export function card(catalog: Catalog, article: Article, options: TeaserOptions = {}): SafeHtml {
	const photo = teaserPhoto(article, "card-image", SIZES.card, options);
	return html`<article class="card${photo ? " card-photo" : ""}">
		${photo}
		<div class="card-text">
			${teaserText(catalog, article, options)}
		</div>
	</article>`;
}

/** A teaser for lists: the text, with a thumbnail beside it when the photo is not yet shown. */
export function row(catalog: Catalog, article: Article, options: TeaserOptions = {}): SafeHtml {
	return html`<article class="row">
		<div class="row-text">
			${teaserText(catalog, article, options)}
		</div>
		${teaserPhoto(article, "row-image", SIZES.row, options)}
	</article>`;
}
