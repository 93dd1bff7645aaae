/** The home page: the lead story large, then the latest articles. */
import { html } from "../src/html.ts";
import type { Catalog } from "../src/content.ts";
import { base } from "./base.11ty.ts";
import { byline, card, leadFigure, time } from "./partials.ts";

/** What the home template hands this layout. */
export interface HomePage {
	catalog: Catalog;
	css: string;
	/** How many articles the home page lists after the lead. */
	latest: number;
}

/** Renders the home page. */
export function render(page: HomePage): string {
	const { catalog } = page;
	const [lead, ...rest] = catalog.articles;
	const main = lead
		? html`<h1 class="visually-hidden">${catalog.site.name}</h1>
				<section class="lead-story wrap-wide" aria-labelledby="lead-headline">
					<a class="lead-story-image" href="${lead.href}" tabindex="-1" aria-hidden="true"
						>${leadFigure(lead.image, { eager: true })}</a
					>
					<div class="lead-story-text">
						${lead.data.kicker ? html`<p class="kicker">${lead.data.kicker}</p>` : ""}
						<h2 class="lead-headline" id="lead-headline">
							<a href="${lead.href}">${lead.data.title}</a>
						</h2>
						<p class="standfirst">${lead.data.description}</p>
						${byline(lead)}
						<p class="card-meta">
							<a class="card-section" href="${lead.section.href}"
								>${lead.section.name}</a
							>
							· ${time(catalog, lead.data.date, lead.published)}
						</p>
					</div>
				</section>
				${
					rest.length > 0
						? html`<section class="latest wrap-wide" aria-labelledby="latest-heading">
								<h2 class="rule-heading" id="latest-heading">Latest</h2>
								<div class="card-grid">
									${rest.slice(0, page.latest).map((a) => card(catalog, a, { photo: true }))}
								</div>
							</section>`
						: ""
				}`
		: html`<div class="wrap">
				<h1>${catalog.site.name}</h1>
				<p>No articles are published yet.</p>
			</div>`;
	return base({
		catalog,
		description: catalog.site.description ?? `${catalog.site.name}: the latest news.`,
		href: "/",
		css: page.css,
		main,
	}).toString();
}
