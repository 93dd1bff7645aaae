/** A section's page: its name, description and articles, newest first. */
import { html } from "../src/html.ts";
import type { Catalog, Section } from "../src/content.ts";
import { base } from "./base.11ty.ts";
import { card } from "./partials.ts";

/** What the section template hands this layout. */
export interface SectionPage {
	catalog: Catalog;
	section: Section;
	css: string;
}

/** Renders a section page. */
export function render(page: SectionPage): string {
	const { catalog, section } = page;
	const articles = catalog.inSection(section.id);
	const main = html`<div class="wrap listing">
		<header class="listing-head">
			<h1>${section.name}</h1>
			${section.description ? html`<p class="standfirst">${section.description}</p>` : ""}
		</header>
		${
			articles.length > 0
				? html`<div class="card-list">
						${articles.map((a) => card(catalog, a, { level: 2 }))}
					</div>`
				: html`<p>No articles in this section yet.</p>`
		}
	</div>`;
	return base({
		catalog,
		title: section.name,
		description:
			section.description ??
			`${section.name}: the latest articles from ${catalog.site.name}.`,
		href: section.href,
		css: page.css,
		sectionId: section.id,
		main,
	}).toString();
}
