/** The article page: kicker, headline, standfirst, byline, dateline, lead photo, body, tags, corrections. */
import { html, raw, type SafeHtml } from "../src/html.ts";
import { formatDateTime, localIso } from "../src/dates.ts";
import type { Article } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { renderInline } from "../src/markdown.ts";
import { newsArticle } from "../src/structured-data.ts";
import { editorsNotes, typographic } from "../src/typography.ts";
import { absoluteUrl } from "../src/urls.ts";
import { base } from "./base.11ty.ts";
import { SIZES } from "./picture.ts";
import { ShownPhotos, articleBody, byline, leadFigure, row, time } from "./partials.ts";

/** What the article template hands this layout. */
export interface ArticlePage {
	catalog: Catalog;
	article: Article;
	/** Its related articles, when the caller has them already; else the catalog ranks them. */
	related?: Article[];
	css: string;
}

function statusBanner(catalog: Catalog, article: Article): SafeHtml | string {
	if (article.status === "draft") {
		return html`<p class="banner" role="status">
			<strong>Draft.</strong> This article is not published; only the preview shows it.
		</p>`;
	}
	if (article.status === "scheduled") {
		const when = formatDateTime(
			article.published,
			catalog.site.language,
			catalog.site.timezone,
		);
		return html`<p class="banner" role="status">
			<strong>Scheduled for ${when}.</strong> Only the preview shows it until then.
		</p>`;
	}
	return "";
}

function tagList(catalog: Catalog, article: Article): SafeHtml | string {
	if (article.tags.length === 0) return "";
	return html`<section class="story-tags" aria-labelledby="tags-heading">
<h2 id="tags-heading" class="visually-hidden">Tags</h2>
<ul class="tags">${article.tags.map((id) => {
		const tag = catalog.tag(id);
		return html`<li><a href="${tag.href}" data-pagefind-filter="tag">${tag.name}</a></li>`;
	})}</ul>
</section>`;
}

function related(catalog: Catalog, article: Article, list: Article[]): SafeHtml | string {
	if (list.length === 0) return "";
	// The lead photo is already on the page: a related story with the same photo shows none.
	const photos = new ShownPhotos();
	photos.claim(article.image);
	return html`<section class="related" aria-labelledby="related-heading">
<h2 class="rule-heading" id="related-heading">Related</h2>
<div class="row-list">${list.map((a) => row(catalog, a, { photos }))}</div>
</section>`;
}

/** The label above the headline: the section, and the editor's kicker when there is one. */
function kicker(article: Article): SafeHtml {
	const { data, section } = article;
	return html`<p class="kicker" data-pagefind-ignore><a href="${section.href}" data-pagefind-filter="section" data-pagefind-meta="section">${section.name}</a>${data.kicker ? html` <span class="kicker-text">· ${typographic(data.kicker)}</span>` : ""}</p>`;
}

function corrections(catalog: Catalog, article: Article): SafeHtml | string {
	const list = article.data.corrections ?? [];
	if (list.length === 0) return "";
	return html`<section class="corrections" aria-labelledby="corrections-heading">
		<h2 id="corrections-heading">Corrections</h2>
		<ul>
			${list.map((c) => html`<li>${time(catalog, c.date, Date.parse(c.date))}: ${raw(renderInline(c.text, catalog.basePath))}</li>`)}
		</ul>
	</section>`;
}

/** Renders the article page. */
export function render(page: ArticlePage): string {
	const { catalog, article } = page;
	const { data } = article;
	const updated = data.updated
		? html`<p class="updated">Updated ${time(catalog, data.updated, article.modified)}</p>`
		: "";
	const main = html`<article class="story wrap-wide" data-pagefind-body>
${statusBanner(catalog, article)}
<header class="story-head">
${kicker(article)}
<h1 class="headline" data-pagefind-meta="title">${typographic(data.title)}</h1>
<p class="standfirst">${typographic(data.description)}</p>
<div class="story-meta" data-pagefind-ignore>
${byline(article)}
<p class="dateline" data-pagefind-meta="date:${localIso(article.published, catalog.site.timezone).slice(0, 10)}">${article.status === "published" ? "Published" : "Dated"} ${time(catalog, data.date, article.published)}</p>
${updated}
</div>
</header>
<div class="story-lead" data-pagefind-ignore>${leadFigure(article.image, { eager: true, sizes: SIZES.articleLead })}</div>
<div class="story-body">${raw(editorsNotes(articleBody(catalog, article)))}</div>
<footer class="story-foot" data-pagefind-ignore>
${tagList(catalog, article)}
${corrections(catalog, article)}
</footer>
</article>
<aside class="more wrap-wide" aria-label="More to read">${related(catalog, article, page.related ?? catalog.related(article))}</aside>`;
	const crop = article.image.rendition?.crops.find((c) => c.ratio === "16:9");
	return base({
		catalog,
		year: new Date(article.published).getUTCFullYear(),
		title: data.title,
		description: data.description,
		href: article.href,
		css: page.css,
		noindex: article.status !== "published",
		sectionId: article.section.id,
		image: {
			href: crop?.href ?? article.image.href,
			width: crop?.width ?? article.image.width,
			height: crop?.height ?? article.image.height,
			alt: article.image.alt,
		},
		article: {
			published: data.date,
			modified: data.updated ?? data.date,
			section: article.section.name,
			tags: article.tags.map((t) => catalog.tag(t).name),
			authors: article.authors.map((a) => absoluteUrl(catalog, a.href)),
		},
		jsonLd: [newsArticle(catalog, article)],
		main,
	}).toString();
}
