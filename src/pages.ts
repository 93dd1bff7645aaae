/**
 * The site's pages as Eleventy virtual templates, so `content/` holds no code: the home page,
 * one page per article and one per section. Each template calls a typed layout.
 */
import { readFile } from "node:fs/promises";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Catalog, Section } from "./content.ts";
import { renderBody } from "./markdown.ts";
import { render as renderArticle } from "../layouts/article.11ty.ts";
import { render as renderHome } from "../layouts/home.11ty.ts";
import { render as renderSection } from "../layouts/section.11ty.ts";

const DEFAULTS = {
	stylesheet: "assets/css/site.css",
	/** Articles listed on the home page after the lead. */
	homeLatest: 24,
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

interface PageData<T = never> {
	dateline: Catalog;
	item: T;
}

/** Registers the home, article and section pages. */
export default function pagesPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	let css = "";
	eleventyConfig.addWatchTarget(opts.stylesheet);
	eleventyConfig.on("eleventy.before", async () => {
		css = minifyCss(await readFile(opts.stylesheet, "utf8"));
	});

	const common = { eleventyExcludeFromCollections: true };

	eleventyConfig.addTemplate(
		"dateline/home.11ty.js",
		(data: PageData) => renderHome({ catalog: data.dateline, css, latest: opts.homeLatest }),
		{ ...common, permalink: "/index.html" },
	);

	eleventyConfig.addTemplate(
		"dateline/article.11ty.js",
		(data: PageData<Article>) =>
			renderArticle({
				catalog: data.dateline,
				article: data.item,
				bodyHtml: renderBody(data.item),
				css,
			}),
		{
			...common,
			pagination: { data: "dateline.articles", size: 1, alias: "item" },
			permalink: (data: PageData<Article>) => `${data.item.href}index.html`,
		},
	);

	eleventyConfig.addTemplate(
		"dateline/section.11ty.js",
		(data: PageData<Section>) =>
			renderSection({ catalog: data.dateline, section: data.item, css }),
		{
			...common,
			pagination: { data: "dateline.sectionList", size: 1, alias: "item" },
			permalink: (data: PageData<Section>) => `${data.item.href}index.html`,
		},
	);
}
