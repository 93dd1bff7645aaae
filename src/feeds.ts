/**
 * What machines read: Atom and JSON Feed for the site and each section, the sitemap, the
 * Google News sitemap and robots.txt, as virtual templates. Feed HTML is escaped exactly once,
 * by the XML text escape or by JSON.stringify.
 *
 * The HTML each entry carries is drawn by layouts/feed-entry.ts.
 *
 * @11ty/eleventy-plugin-rss is not used: its feed templates are built on Eleventy collections
 * and Nunjucks, while our articles live in the typed catalog; its remaining helpers (RFC 3339
 * dates, absolute URLs through posthtml) are one line each here, and a posthtml pass over
 * every body would cost more than the regex over our own markup below.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Section } from "./content/types.ts";
import type { Catalog } from "./content/catalog.ts";
import { addCatalogFile, addCatalogPages } from "./content/plugin.ts";
import { isoUtc } from "./dates.ts";
import { escapeXml } from "./html.ts";
import { absoluteUrl } from "./urls.ts";
import { feedHtml } from "../layouts/feed-entry.ts";

const DEFAULTS = {
	/** Newest articles in each feed. */
	feedSize: 50,
	/** The news sitemap lists articles published this long before the build time... */
	newsWindowMs: 2 * 24 * 60 * 60 * 1000,
	/** ...and at most this many, as Google News asks. */
	newsLimit: 1000,
};

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
// Well-formed whatever the text: the check refuses control characters, and this drops any left.
const esc = escapeXml;

/** A feed's scope: the whole site or one section. */
interface FeedScope {
	title: string;
	description: string;
	/** Site-relative address of the HTML page the feed follows. */
	page: string;
	/** Site-relative folder the feed files sit in. */
	base: string;
	articles: Article[];
}

function newest(articles: Article[]): number {
	return articles.reduce((max, a) => Math.max(max, a.modified), 0);
}

/** An Atom 1.0 feed. */
export function atomFeed(catalog: Catalog, scope: FeedScope): string {
	const { site } = catalog;
	const self = absoluteUrl(catalog, `${scope.base}feed.xml`);
	const updated = isoUtc(newest(scope.articles) || catalog.buildTime);
	const entries = scope.articles.map((a) => {
		const url = absoluteUrl(catalog, a.href);
		const authors = a.authors
			.map(
				(p) =>
					`<author><name>${esc(p.name)}</name><uri>${esc(absoluteUrl(catalog, p.href))}</uri></author>`,
			)
			.join("");
		const categories = [
			`<category term="${esc(a.section.id)}" label="${esc(a.section.name)}"/>`,
			...a.tags.map(
				(t) => `<category term="${esc(t)}" label="${esc(catalog.tag(t).name)}"/>`,
			),
		].join("");
		const image = absoluteUrl(catalog, a.image.rendition?.fallback.href ?? a.image.href);
		return `<entry>
<title>${esc(a.data.title)}</title>
<link rel="alternate" type="text/html" href="${esc(url)}"/>
<link rel="enclosure" type="image/jpeg" href="${esc(image)}"/>
<id>${esc(url)}</id>
<published>${esc(isoUtc(a.published))}</published>
<updated>${esc(isoUtc(a.modified))}</updated>
${authors}${categories}
<summary>${esc(a.data.description)}</summary>
<content type="html">${esc(feedHtml(catalog, a))}</content>
</entry>`;
	});
	return `${XML_HEAD}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(site.language)}">
<title>${esc(scope.title)}</title>
<subtitle>${esc(scope.description)}</subtitle>
<link rel="self" type="application/atom+xml" href="${esc(self)}"/>
<link rel="alternate" type="text/html" href="${esc(absoluteUrl(catalog, scope.page))}"/>
<id>${esc(self)}</id>
<updated>${esc(updated)}</updated>
<icon>${esc(absoluteUrl(catalog, catalog.logo.href))}</icon>
<rights>© ${esc(site.name)}</rights>
<generator>Dateline</generator>
${entries.join("\n")}
</feed>
`;
}

/** A JSON Feed 1.1. */
export function jsonFeed(catalog: Catalog, scope: FeedScope): string {
	const { site } = catalog;
	const feed = {
		version: "https://jsonfeed.org/version/1.1",
		title: scope.title,
		home_page_url: absoluteUrl(catalog, scope.page),
		feed_url: absoluteUrl(catalog, `${scope.base}feed.json`),
		description: scope.description,
		icon: absoluteUrl(catalog, catalog.logo.href),
		language: site.language,
		authors: [{ name: site.name, url: absoluteUrl(catalog, catalog.url("/")) }],
		items: scope.articles.map((a) => ({
			id: absoluteUrl(catalog, a.href),
			url: absoluteUrl(catalog, a.href),
			title: a.data.title,
			summary: a.data.description,
			content_html: feedHtml(catalog, a),
			image: absoluteUrl(catalog, a.image.rendition?.fallback.href ?? a.image.href),
			date_published: isoUtc(a.published),
			date_modified: isoUtc(a.modified),
			authors: a.authors.map((p) => ({ name: p.name, url: absoluteUrl(catalog, p.href) })),
			tags: [a.section.name, ...a.tags.map((t) => catalog.tag(t).name)],
		})),
	};
	return `${JSON.stringify(feed, null, "\t")}\n`;
}

/** Every public page with its last change, for the sitemap. */
export function sitemapEntries(catalog: Catalog): [href: string, lastmod: number][] {
	const entries: [string, number][] = [
		[catalog.url("/"), newest(catalog.articles) || catalog.buildTime],
	];
	for (const a of catalog.articles) entries.push([a.href, a.modified]);
	for (const page of catalog.listings)
		entries.push([page.href, newest(page.items) || catalog.buildTime]);
	entries.push([catalog.url("/tags/"), newest(catalog.articles) || catalog.buildTime]);
	return entries;
}

/** sitemap.xml: every public page with `lastmod` from `updated` or `date`. */
export function sitemap(catalog: Catalog): string {
	const urls = sitemapEntries(catalog).map(
		([href, lastmod]) =>
			`<url><loc>${esc(absoluteUrl(catalog, href))}</loc><lastmod>${isoUtc(lastmod)}</lastmod></url>`,
	);
	return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/** The ISO 639 code Google News expects: the primary language subtag (zh-cn and zh-tw kept). */
export function newsLanguage(language: string): string {
	const lower = language.toLowerCase();
	return lower === "zh-cn" || lower === "zh-tw" ? lower : (lower.split("-")[0] ?? lower);
}

/** Articles for the Google News sitemap: published in the window before the build time, newest first. */
export function newsArticles(
	catalog: Catalog,
	windowMs = DEFAULTS.newsWindowMs,
	limit = DEFAULTS.newsLimit,
): Article[] {
	const from = catalog.buildTime - windowMs;
	return catalog.articles
		.filter((a) => a.published >= from && a.published <= catalog.buildTime)
		.slice(0, limit);
}

/** news-sitemap.xml in the Google News sitemap format. */
export function newsSitemap(catalog: Catalog, articles: Article[]): string {
	const { site } = catalog;
	const urls = articles.map(
		(a) =>
			`<url><loc>${esc(absoluteUrl(catalog, a.href))}</loc><news:news><news:publication><news:name>${esc(site.name)}</news:name><news:language>${esc(newsLanguage(site.language))}</news:language></news:publication><news:publication_date>${esc(a.data.date)}</news:publication_date><news:title>${esc(a.data.title)}</news:title></news:news></url>`,
	);
	return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join("\n")}${urls.length ? "\n" : ""}</urlset>\n`;
}

/** robots.txt naming both sitemaps. */
export function robots(catalog: Catalog): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(catalog, catalog.url("/sitemap.xml"))}\nSitemap: ${absoluteUrl(catalog, catalog.url("/news-sitemap.xml"))}\n`;
}

function siteScope(catalog: Catalog, size: number): FeedScope {
	return {
		title: catalog.site.name,
		description: catalog.site.description ?? `The latest from ${catalog.site.name}.`,
		page: catalog.url("/"),
		base: catalog.url("/"),
		articles: catalog.articles.slice(0, size),
	};
}

function sectionScope(catalog: Catalog, section: Section, size: number): FeedScope {
	return {
		title: `${section.name} | ${catalog.site.name}`,
		description: section.description ?? `${section.name} from ${catalog.site.name}.`,
		page: section.href,
		base: section.href,
		articles: catalog.inSection(section.id).slice(0, size),
	};
}

/** Registers feeds, sitemaps and robots.txt. */
export default function feedsPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	const file = (name: string, render: (catalog: Catalog) => string) => {
		addCatalogFile(eleventyConfig, name, `/${name}`, render);
	};
	file("feed.xml", (c) => atomFeed(c, siteScope(c, opts.feedSize)));
	file("feed.json", (c) => jsonFeed(c, siteScope(c, opts.feedSize)));
	file("sitemap.xml", (c) => sitemap(c));
	file("news-sitemap.xml", (c) =>
		newsSitemap(c, newsArticles(c, opts.newsWindowMs, opts.newsLimit)),
	);
	file("robots.txt", (c) => robots(c));

	const perSection = (ext: "xml" | "json", render: (c: Catalog, s: FeedScope) => string) => {
		addCatalogPages<Section>(
			eleventyConfig,
			`section-feed-${ext}`,
			"sectionList",
			(_, section) => `${section.href}feed.${ext}`,
			(catalog, section) => render(catalog, sectionScope(catalog, section, opts.feedSize)),
		);
	};
	perSection("xml", atomFeed);
	perSection("json", jsonFeed);
}
