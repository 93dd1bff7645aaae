/** The frame of every page: head metadata, masthead with section navigation, and footer. */
import { html, raw, type SafeHtml } from "../src/html.ts";
import type { Catalog } from "../src/content/catalog.ts";
import { formatEditionDate, localIso } from "../src/dates.ts";
import { fontLoader } from "./font-loader.ts";
import { jsonLdScript } from "../src/structured-data.ts";
import { absoluteUrl } from "../src/urls.ts";

const TITLE_MAX = 70;

/** The image a page shares on social networks. */
export interface SocialImage {
	href: string;
	width: number;
	height: number;
	alt: string;
}

/** Open Graph article properties. */
export interface ArticleMeta {
	published: string;
	modified: string;
	section: string;
	tags: string[];
	authors: string[];
}

/** What every page hands the base layout. */
export interface BasePage {
	/**
	 * The year of the page's copyright line: a page written by the page writer gives its own
	 * (its article's, its newest story's), so it never changes with the build's date alone.
	 * Defaults to the newest article's; null leaves the year out.
	 */
	year?: number | null;
	/** Shows the edition's date, the day of the build, under the name (the home page). */
	edition?: boolean;
	catalog: Catalog;
	/** The page's own title; the publication's name is added after it. */
	title?: string;
	description: string;
	/** Site-relative address of the page. */
	href: string;
	/** The stylesheet, inlined so the first round trip paints the page. */
	css: string;
	/** Keeps pages out of search engines: preview-only drafts, the 404 page. */
	noindex?: boolean;
	/** Leaves out the canonical link (the 404 page has no address of its own). */
	noCanonical?: boolean;
	/** Another page this one stands for (a redirect's target); defaults to `href`. */
	canonicalHref?: string;
	/** Marks the section link of the page's section as current. */
	sectionId?: string;
	/** Defaults to the publication's social image. */
	image?: SocialImage;
	article?: ArticleMeta;
	/** Structured data objects, each written as its own JSON-LD script. */
	jsonLd?: unknown[];
	/** Extra elements for <head>. */
	head?: SafeHtml;
	main: SafeHtml;
}

function socialMeta(page: BasePage, title: string): SafeHtml {
	const { catalog } = page;
	const { site } = catalog;
	const image = page.image ?? { ...catalog.socialImage, alt: site.name };
	const a = page.article;
	return html`<meta property="og:site_name" content="${site.name}">
<meta property="og:type" content="${a ? "article" : "website"}">
<meta property="og:title" content="${page.title ?? title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${absoluteUrl(catalog, page.href)}">
<meta property="og:locale" content="${site.language.replace("-", "_")}">
<meta property="og:image" content="${absoluteUrl(catalog, image.href)}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">
${
	a
		? html`<meta property="article:published_time" content="${a.published}">
<meta property="article:modified_time" content="${a.modified}">
<meta property="article:section" content="${a.section}">
${a.tags.map((t) => html`<meta property="article:tag" content="${t}">\n`)}${a.authors.map((u) => html`<meta property="article:author" content="${u}">\n`)}`
		: ""
}<meta name="twitter:card" content="summary_large_image">`;
}

/** The masthead: logo and name, on the home page the edition's date, then the sections. */
function masthead(page: BasePage): SafeHtml {
	const { catalog } = page;
	const { site, sections } = catalog;
	const u = (rootPath: string) => catalog.url(rootPath);
	const nav = [...sections.values()].map((s) => {
		const current =
			s.id === page.sectionId
				? html` aria-current="${page.href === s.href ? "page" : "true"}"`
				: "";
		return html`<li><a href="${s.href}"${current}>${s.name}</a></li>`;
	});
	const day = localIso(catalog.buildTime, site.timezone).slice(0, 10);
	const logo = catalog.logo;
	// The logo is 1.3em square in the CSS; its width and height reserve that shape.
	const side = Math.min(logo.width, logo.height, 48);
	return html`<header class="masthead">
<div class="wrap-wide masthead-inner">
<div class="masthead-id">
<a class="brand" href="${u("/")}"${page.href === u("/") ? html` aria-current="page"` : ""}><img src="${logo.href}" alt="" width="${Math.round((side * logo.width) / logo.height)}" height="${side}">${site.name}</a>
${page.edition ? html`<p class="edition-date"><time datetime="${day}">${formatEditionDate(catalog.buildTime, site.language, site.timezone)}</time></p>` : ""}
</div>
<nav class="sections" aria-label="Sections">
<ul>
${nav}
<li><a href="${u("/search/")}"${page.href === u("/search/") ? html` aria-current="page"` : ""}>Search</a></li>
</ul>
</nav>
</div>
</header>`;
}

/** Renders a whole HTML document around a page's main content. */
export function base(page: BasePage): SafeHtml {
	const { catalog } = page;
	const { site } = catalog;
	// Search results cut titles near 70 characters: the publication's name goes only where it fits.
	const full = page.title ? `${page.title} | ${site.name}` : site.name;
	const title = full.length <= TITLE_MAX ? full : (page.title ?? site.name);
	const year =
		page.year === undefined
			? new Date(catalog.articles[0]?.published ?? catalog.buildTime).getUTCFullYear()
			: page.year;
	const u = (rootPath: string) => catalog.url(rootPath);
	const robots = page.noindex ? "noindex, nofollow" : "index, follow, max-image-preview:large";
	const doc = html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${page.description}">
${page.noCanonical ? "" : html`<link rel="canonical" href="${absoluteUrl(catalog, page.canonicalHref ?? page.href)}">`}
<meta name="robots" content="${robots}">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#141414" media="(prefers-color-scheme: dark)">
<link rel="icon" href="${catalog.logo.href}">
<link rel="apple-touch-icon" href="${catalog.logo.href}">
<link rel="manifest" href="${u("/manifest.webmanifest")}">
<link rel="alternate" type="application/atom+xml" title="${site.name}" href="${u("/feed.xml")}">
<link rel="alternate" type="application/feed+json" title="${site.name}" href="${u("/feed.json")}">
${socialMeta(page, title)}
${(page.jsonLd ?? []).map((data) => jsonLdScript(data))}
${page.head ?? ""}
${fontLoader()}
<style>${raw(page.css)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${masthead(page)}
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap-wide">
<p class="footer-name">${site.name}</p>
${site.description ? html`<p>${site.description}</p>` : ""}
<ul class="footer-links">
<li><a href="${u("/tags/")}">All tags</a></li>
<li><a href="${u("/feed.xml")}">Atom feed</a></li>
<li><a href="${u("/feed.json")}">JSON feed</a></li>
<li><a href="${u("/sitemap.xml")}">Sitemap</a></li>
</ul>
<p class="footer-small">© ${year === null ? "" : `${String(year)} `}${site.name}. Built with Dateline.</p>
</div>
</footer>
</body>
</html>
`;
	// Interpolations that render nothing leave their line's indentation behind.
	return raw(doc.value.replace(/[ \t]+$/gm, ""));
}
