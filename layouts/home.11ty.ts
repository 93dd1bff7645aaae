/** The home page: the lead story large, then the newest articles of each section. */
import { html } from "../src/html.ts";
import type { Article } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { SIZES } from "./picture.ts";
import { homeGraph } from "../src/structured-data.ts";
import { typographic } from "../src/typography.ts";
import { base } from "./base.11ty.ts";
import { ShownPhotos, byline, card, label, leadFigure, statusMark, time } from "./partials.ts";

/** What the home template hands this layout. */
export interface HomePage {
	catalog: Catalog;
	css: string;
	/** How many articles each section shows on the home page. */
	perSection: number;
}

// Each section block says how many stories it holds, so the CSS can give it a share of the
// row in proportion rather than a four-column grid it leaves mostly empty.
function sectionBlocks(page: HomePage, lead: Article, photos: ShownPhotos) {
	const { catalog } = page;
	const blocks = catalog.sectionList.map((section) => {
		const articles = catalog
			.inSection(section.id)
			.filter((a) => a !== lead)
			.slice(0, page.perSection);
		if (articles.length === 0) return "";
		const id = `section-${section.id}`;
		return html`<section class="home-section" data-count="${articles.length}" aria-labelledby="${id}">
<h2 class="rule-heading" id="${id}"><a href="${section.href}">${section.name}</a></h2>
<div class="card-grid">${articles.map((a) => card(catalog, a, { photos, sectionId: section.id }))}</div>
</section>`;
	});
	return html`<div class="home-sections wrap-wide">${blocks}</div>`;
}

function leadStory(catalog: Catalog, lead: Article, photos: ShownPhotos) {
	photos.claim(lead.image);
	return html`<section class="lead-story wrap-wide" aria-labelledby="lead-headline">
${leadFigure(lead.image, { eager: true, sizes: SIZES.homeLead })}
<div class="lead-story-text">
${statusMark(catalog, lead)}
${label(lead)}
<h2 class="lead-headline" id="lead-headline"><a href="${lead.href}">${typographic(lead.data.title)}</a></h2>
<p class="standfirst">${typographic(lead.data.description)}</p>
${byline(lead)}
<p class="card-meta">${time(catalog, lead.data.date, lead.published)}</p>
</div>
</section>`;
}

/** Renders the home page. */
export function render(page: HomePage): string {
	const { catalog } = page;
	const lead = catalog.articles[0];
	const photos = new ShownPhotos();
	const main = lead
		? html`<h1 class="visually-hidden">${catalog.site.name}</h1>
${leadStory(catalog, lead, photos)}
${sectionBlocks(page, lead, photos)}`
		: html`<div class="wrap"><h1>${catalog.site.name}</h1><p>No articles are published yet.</p></div>`;
	return base({
		catalog,
		edition: true,
		description: catalog.site.description ?? `${catalog.site.name}: the latest news.`,
		href: catalog.url("/"),
		css: page.css,
		jsonLd: homeGraph(catalog),
		main,
	}).toString();
}
