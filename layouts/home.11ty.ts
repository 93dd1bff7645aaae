/** The home page: the lead story large, then the newest articles of each section. */
import { html } from "../src/html.ts";
import type { Article } from "../src/content/types.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { SIZES } from "./picture.ts";
import { homeGraph } from "../src/structured-data.ts";
import { base } from "./base.11ty.ts";
import { byline, card, leadFigure, time } from "./partials.ts";

/** What the home template hands this layout. */
export interface HomePage {
	catalog: Catalog;
	css: string;
	/** How many articles each section shows on the home page. */
	perSection: number;
}

function sectionBlocks(page: HomePage, lead: Article) {
	const { catalog } = page;
	return catalog.sectionList.map((section) => {
		const articles = catalog
			.inSection(section.id)
			.filter((a) => a !== lead)
			.slice(0, page.perSection);
		if (articles.length === 0) return "";
		const id = `section-${section.id}`;
		return html`<section class="home-section wrap-wide" aria-labelledby="${id}">
<h2 class="rule-heading" id="${id}"><a href="${section.href}">${section.name}</a></h2>
<div class="card-grid">${articles.map((a) => card(catalog, a, { photo: true }))}</div>
</section>`;
	});
}

/** Renders the home page. */
export function render(page: HomePage): string {
	const { catalog } = page;
	const lead = catalog.articles[0];
	const main = lead
		? html`<h1 class="visually-hidden">${catalog.site.name}</h1>
<section class="lead-story wrap-wide" aria-labelledby="lead-headline">
${leadFigure(lead.image, { eager: true, sizes: SIZES.homeLead })}
<div class="lead-story-text">
${lead.data.kicker ? html`<p class="kicker">${lead.data.kicker}</p>` : ""}
<h2 class="lead-headline" id="lead-headline"><a href="${lead.href}">${lead.data.title}</a></h2>
<p class="standfirst">${lead.data.description}</p>
${byline(lead)}
<p class="card-meta"><a class="card-section" href="${lead.section.href}">${lead.section.name}</a> · ${time(catalog, lead.data.date, lead.published)}</p>
</div>
</section>
${sectionBlocks(page, lead)}`
		: html`<div class="wrap"><h1>${catalog.site.name}</h1><p>No articles are published yet.</p></div>`;
	return base({
		catalog,
		description: catalog.site.description ?? `${catalog.site.name}: the latest news.`,
		href: catalog.url("/"),
		css: page.css,
		jsonLd: homeGraph(catalog),
		main,
	}).toString();
}
