/** A paginated listing: a section, a tag or an author, newest first, with previous/next links. */
import { html, type SafeHtml } from "../src/html.ts";
import type { Catalog, ListingPage } from "../src/content/catalog.ts";
import { base } from "./base.11ty.ts";
import { typographic } from "../src/typography.ts";
import { ShownPhotos, row } from "./partials.ts";

/** What the listing template hands this layout. */
export interface ListingView {
	catalog: Catalog;
	page: ListingPage;
	css: string;
}

function heading(view: ListingView): { title: string; description: string; intro: SafeHtml } {
	const { catalog, page } = view;
	const { subject } = page;
	const count = `${String(page.all.length)} article${page.all.length === 1 ? "" : "s"}`;
	if (subject.kind === "author") {
		const a = subject.item;
		return {
			title: a.name,
			description: a.bio ?? `Articles by ${a.name} for ${catalog.site.name}.`,
			intro: html`<p class="label">Author</p>
<h1>${a.name}</h1>
${a.role ? html`<p class="author-role">${a.role}</p>` : ""}
${a.bio ? html`<p class="standfirst">${typographic(a.bio)}</p>` : ""}
${a.url ? html`<p><a href="${a.url}" rel="me">${a.url.replace(/^https?:\/\//, "")}</a></p>` : ""}
<p class="listing-count">${count}</p>`,
		};
	}
	const label = subject.kind === "tag" ? "Tag" : "Section";
	const item = subject.item;
	return {
		title: item.name,
		description: item.description ?? `${item.name}: articles from ${catalog.site.name}.`,
		intro: html`<p class="label">${label}</p>
<h1>${item.name}</h1>
${item.description ? html`<p class="standfirst">${typographic(item.description)}</p>` : ""}
<p class="listing-count">${count}</p>`,
	};
}

/** Previous/next links with the page count; nothing when there is one page. */
export function pager(
	page: Pick<ListingPage, "number" | "total" | "prev" | "next">,
): SafeHtml | string {
	if (page.total <= 1) return "";
	return html`<nav class="pager" aria-label="Pages">
${page.prev ? html`<a rel="prev" href="${page.prev}">← Newer</a>` : html`<span></span>`}
<span class="pager-count">Page ${page.number} of ${page.total}</span>
${page.next ? html`<a rel="next" href="${page.next}">Older →</a>` : html`<span></span>`}
</nav>`;
}

/** Renders one page of a listing. */
export function render(view: ListingView): string {
	const { catalog, page } = view;
	const head = heading(view);
	const photos = new ShownPhotos();
	const sectionId = page.subject.kind === "section" ? page.subject.item.id : undefined;
	const main = html`<div class="wrap-wide listing">
<header class="listing-head">${head.intro}</header>
${
	page.items.length > 0
		? html`<div class="row-list">${page.items.map((a) => row(catalog, a, { level: 2, photos, sectionId }))}</div>`
		: html`<p>No articles yet.</p>`
}
${pager(page)}
</div>`;
	const title = page.number > 1 ? `${head.title}, page ${String(page.number)}` : head.title;
	const feeds =
		page.subject.kind === "section"
			? html`<link rel="alternate" type="application/atom+xml" title="${head.title}" href="${page.subject.item.href}feed.xml">
<link rel="alternate" type="application/feed+json" title="${head.title}" href="${page.subject.item.href}feed.json">`
			: "";
	const newest = page.items[0]?.published;
	return base({
		catalog,
		// The newest story of this page, so the page changes only with what it lists.
		year: newest === undefined ? null : new Date(newest).getUTCFullYear(),
		title,
		description: head.description,
		href: page.href,
		css: view.css,
		...(page.subject.kind === "section" ? { sectionId: page.subject.item.id } : {}),
		head: html`${page.prev ? html`<link rel="prev" href="${page.prev}">` : ""}${page.next ? html`<link rel="next" href="${page.next}">` : ""}${feeds}`,
		main,
	}).toString();
}
