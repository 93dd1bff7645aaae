/**
 * The site's pages as Eleventy virtual templates, so `content/` holds no code: home, articles,
 * section/tag/author listings (paginated with stable addresses), all tags, search, 404 and the
 * web app manifest. Each template calls a typed layout.
 */
import { readFile } from "node:fs/promises";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article } from "./content/types.ts";
import type { Catalog, ListingPage } from "./content/catalog.ts";
import { addCatalogFile, addCatalogPages } from "./content/plugin.ts";
import { fontFaceCss } from "./fonts.ts";
import { render as renderArticle } from "../layouts/article.11ty.ts";
import { render as renderHome } from "../layouts/home.11ty.ts";
import { render as renderListing } from "../layouts/listing.11ty.ts";
import { render as renderNotFound } from "../layouts/not-found.11ty.ts";
import { render as renderRedirect } from "../layouts/redirect.11ty.ts";
import { render as renderSearch } from "../layouts/search.11ty.ts";
import { render as renderTags } from "../layouts/tags.11ty.ts";

/** The stylesheets inlined, in this order, into every page. */
export const STYLESHEETS = [
	"assets/css/base.css",
	"assets/css/article.css",
	"assets/css/listings.css",
];

const DEFAULTS = {
	stylesheets: STYLESHEETS,
	/** Inlined after them on the search page only. */
	searchStylesheet: "assets/css/search.css",
	/** Articles each section shows on the home page. */
	homePerSection: 4,
};

/** A page's inlined stylesheet: the web font's `@font-face` rules (under the site's path), then the sheets. */
function styled(catalog: Catalog, sheets: string): string {
	return fontFaceCss((rootPath) => catalog.url(rootPath)) + sheets;
}

/** Shrinks CSS for inlining: comments and needless white space go. */
export function minifyCss(css: string): string {
	return css
		.replace(/\/\*[\s\S]*?\*\//g, "")
		.replace(/\s+/g, " ")
		.replace(/\s*([{}:;,>])\s*/g, "$1")
		.replace(/;}/g, "}")
		.trim();
}

/** The web app manifest: name, icon and colours for "add to home screen". */
export function manifest(catalog: Catalog): string {
	const { site } = catalog;
	return `${JSON.stringify(
		{
			name: site.name,
			short_name: site.name,
			...(site.description ? { description: site.description } : {}),
			lang: site.language,
			start_url: catalog.url("/"),
			scope: catalog.url("/"),
			display: "browser",
			background_color: "#fbfaf7",
			theme_color: "#a8201a",
			icons: [
				{
					src: catalog.logo.href,
					sizes: `${String(catalog.logo.width)}x${String(catalog.logo.height)}`,
					type: catalog.logo.type,
				},
			],
		},
		null,
		"\t",
	)}\n`;
}

/** Registers every HTML page and the manifest. */
export default function pagesPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	let css = "";
	let searchCss = "";
	const read = async (files: string[]) =>
		minifyCss((await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n"));
	for (const file of [...opts.stylesheets, opts.searchStylesheet])
		eleventyConfig.addWatchTarget(file);
	eleventyConfig.on("eleventy.before", async () => {
		css = await read(opts.stylesheets);
		searchCss = css + (await read([opts.searchStylesheet]));
	});

	addCatalogFile(
		eleventyConfig,
		"home",
		"/index.html",
		(catalog) =>
			renderHome({ catalog, css: styled(catalog, css), perSection: opts.homePerSection }),
		true,
	);
	addCatalogFile(eleventyConfig, "tags", "/tags/index.html", (catalog) =>
		renderTags({ catalog, css: styled(catalog, css) }),
	);
	addCatalogFile(eleventyConfig, "search", "/search/index.html", (catalog) =>
		renderSearch({ catalog, css: styled(catalog, searchCss) }),
	);
	addCatalogFile(eleventyConfig, "not-found", "/404.html", (catalog) =>
		renderNotFound({ catalog, css: styled(catalog, css) }),
	);
	addCatalogFile(eleventyConfig, "manifest", "/manifest.webmanifest", manifest);

	addCatalogPages<{ from: string; article: Article }>(
		eleventyConfig,
		"redirect",
		"pageRedirects",
		(_, item) => item.from,
		(catalog, item) =>
			renderRedirect({
				catalog,
				from: item.from,
				article: item.article,
				css: styled(catalog, css),
			}),
	);
	addCatalogPages<Article>(
		eleventyConfig,
		"article",
		"pageArticles",
		(_, article) => article.href,
		(catalog, article) => renderArticle({ catalog, article, css: styled(catalog, css) }),
	);
	addCatalogPages<ListingPage>(
		eleventyConfig,
		"listing",
		"pageListings",
		(_, page) => page.href,
		(catalog, page) => renderListing({ catalog, page, css: styled(catalog, css) }),
	);
}
