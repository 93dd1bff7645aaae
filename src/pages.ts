/**
 * The site's pages, each from a typed layout, so `content/` holds no code. The single pages
 * (home, all tags, search, 404, the web app manifest) are Eleventy virtual templates; the
 * catalog's own pages (one per article, per listing page of a section, tag or author, and per
 * old address of a renamed article) go through the page writer (src/build/writer.ts), which
 * writes only those whose signature changed since the last build.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildPlan } from "./build/plan.ts";
import { articleHash, sign } from "./build/signatures.ts";
import { writePages, type PageJob } from "./build/writer.ts";
import type { Catalog } from "./content/catalog.ts";
import { addCatalogFile } from "./content/plugin.ts";
import { fontFaceCss } from "./fonts.ts";
import { publishedImage } from "./photos/publish.ts";
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

/** The catalog's own pages, each with its signature, for the page writer. */
export function* catalogPages(catalog: Catalog, css: string, key: string): Generator<PageJob> {
	const styles = styled(catalog, css);
	const page = (href: string, signature: string, render: () => string): PageJob => ({
		path: catalog.outputPath(href).slice(1),
		signature,
		render,
	});
	for (const article of catalog.articles) {
		const related = catalog.related(article);
		yield page(
			article.href,
			sign(key, "article", articleHash(article), ...related.map(articleHash)),
			() => renderArticle({ catalog, article, related, css: styles }),
		);
	}
	for (const listing of catalog.listings) {
		const { subject } = listing;
		yield page(
			listing.href,
			sign(
				key,
				"listing",
				subject.kind,
				subject.item.id,
				String(listing.number),
				String(listing.total),
				String(listing.all.length),
				...listing.items.map(articleHash),
			),
			() => renderListing({ catalog, page: listing, css: styles }),
		);
	}
	for (const { from, article } of catalog.redirects) {
		yield page(from, sign(key, "redirect", from, articleHash(article)), () =>
			renderRedirect({ catalog, from, article, css: styles }),
		);
	}
}

/**
 * The addresses of the publication's own images (logo, social image, avatars) as the photo
 * pipeline published them: every page may show them, and their names change with their bytes,
 * which the data files that name them do not.
 */
function houseImages(catalog: Catalog): string[] {
	const { site } = catalog;
	const avatars = [...catalog.authors.values()].flatMap((a) => a.avatarFile ?? []);
	return [site.logoFile, site.imageFile, ...avatars].map((photo) => publishedImage(photo).href);
}

/** What the content plugin hands the page writer. */
interface PagesEvent {
	catalog: Catalog;
	directories: { output: string };
	plan: BuildPlan;
	/** The preview's problems panel, on every page while content is broken. */
	decorate?: (html: string) => string;
}

/** Registers the single pages as virtual templates, and the writer of the catalog's pages. */
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

	eleventyConfig.on(
		"dateline.pages",
		async ({ catalog, directories, plan, decorate }: PagesEvent) => {
			const started = performance.now();
			const key = sign(plan.key, ...houseImages(catalog), decorate ? decorate("") : "");
			plan.pageKey = key;
			const report = await writePages(
				catalogPages(catalog, css, key),
				path.resolve(directories.output),
				plan.previous,
				decorate,
			);
			plan.pages = report.pages;
			process.stdout.write(
				`Pages: ${String(report.written.length)} written, ${String(report.removed.length)} removed, ${String(Object.keys(report.pages).length - report.written.length)} unchanged; ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
			);
		},
	);

	addCatalogFile(eleventyConfig, "home", "/index.html", (catalog) =>
		renderHome({ catalog, css: styled(catalog, css), perSection: opts.homePerSection }),
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
}
