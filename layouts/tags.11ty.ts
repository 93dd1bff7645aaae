/** The page of every tag, with its article count. */
import { html } from "../src/html.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { base } from "./base.11ty.ts";

/** What the tags template hands this layout. */
export interface TagsView {
	catalog: Catalog;
	css: string;
}

/** Renders the all-tags page. */
export function render(view: TagsView): string {
	const { catalog } = view;
	const tags = [...catalog.tags.values()];
	const main = html`<div class="wrap listing">
<header class="listing-head"><h1>All tags</h1><p class="listing-count">${tags.length} tags</p></header>
<ul class="tag-index">
${tags.map((t) => html`<li><a href="${t.href}">${t.name}</a> <span class="tag-count">${catalog.withTag(t.id).length}</span></li>`)}
</ul>
</div>`;
	return base({
		catalog,
		title: "All tags",
		description: `Every tag used on ${catalog.site.name}, with the number of articles for each.`,
		href: catalog.url("/tags/"),
		css: view.css,
		main,
	}).toString();
}
