/**
 * The site's pages as Eleventy virtual templates, so `content/` holds no code: home, articles,
 * section/tag/author listings (paginated with stable addresses), all tags, search, 404 and the
 * web app manifest. Each template calls a typed layout.
 */
import { readFile } from "node:fs/promises";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article } from "./content/types.ts";
import type { Catalog, ListingPage } from "./content/catalog.ts";
import { addCatalogFile } from "./content/plugin.ts";
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
					src: site.logoHref,
					sizes: `${String(site.logoFile.width)}x${String(site.logoFile.height)}`,
					type: `image/${site.logoFile.format.toLowerCase()}`,
				},
			],
		},
		null,
		"\t",
	)}\n`;
}

interface PageData<T = never> {
	dateline: Catalog;
	item: T;
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

	const common = { eleventyExcludeFromCollections: true };

	addCatalogFile(
		eleventyConfig,
		"home",
		"/index.html",
		(catalog) => renderHome({ catalog, css, perSection: opts.homePerSection }),
		true,
	);
	addCatalogFile(eleventyConfig, "tags", "/tags/index.html", (catalog) =>
		renderTags({ catalog, css }),
	);
	addCatalogFile(eleventyConfig, "search", "/search/index.html", (catalog) =>
		renderSearch({ catalog, css: searchCss }),
	);
	addCatalogFile(eleventyConfig, "not-found", "/404.html", (catalog) =>
		renderNotFound({ catalog, css }),
	);
	addCatalogFile(eleventyConfig, "manifest", "/manifest.webmanifest", manifest);

	eleventyConfig.addTemplate(
		"dateline/redirect.11ty.js",
		(data: PageData<{ from: string; article: Article }>) =>
			renderRedirect({
				catalog: data.dateline,
				from: data.item.from,
				article: data.item.article,
				css,
			}),
		{
			...common,
			pagination: { data: "dateline.pageRedirects", size: 1, alias: "item" },
			permalink: (data: PageData<{ from: string }>) =>
				data.dateline.outputPath(data.item.from),
		},
	);

	eleventyConfig.addTemplate(
		"dateline/article.11ty.js",
		(data: PageData<Article>) =>
			renderArticle({ catalog: data.dateline, article: data.item, css }),
		{
			...common,
			pagination: { data: "dateline.pageArticles", size: 1, alias: "item" },
			permalink: (data: PageData<Article>) => data.dateline.outputPath(data.item.href),
		},
	);

	eleventyConfig.addTemplate(
		"dateline/listing.11ty.js",
		(data: PageData<ListingPage>) =>
			renderListing({ catalog: data.dateline, page: data.item, css }),
		{
			...common,
			pagination: { data: "dateline.pageListings", size: 1, alias: "item" },
			permalink: (data: PageData<ListingPage>) => data.dateline.outputPath(data.item.href),
		},
	);
}
