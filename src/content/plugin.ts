/**
 * Puts the checked catalog in front of Eleventy: before every build all content is read and
 * checked; a sound catalog becomes the `dateline` global data, and problems stop a production
 * build before anything is written. The preview server keeps serving the last good site with
 * the problems shown on every page, and recovers on the next good save; started on broken
 * content, it serves the articles that have no problem, the problems on every page.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatDateTime, isoUtc } from "../dates.ts";
import { escapeHtml } from "../html.ts";
import type { PhotosEvent } from "../photos/plugin.ts";
import { quietWhileBroken } from "../preview.ts";
import { formatProblems, stopBuild, visible, type Problem } from "../problems.ts";
import { photoUses, type Catalog } from "./catalog.ts";
import { buildTime, loadContent, type LoadResult, type ParseCache } from "./load.ts";

/** What the content plugin shares with the page templates. */
export interface ContentState {
	catalog: Catalog | undefined;
	problems: Problem[];
	preview: boolean;
}

interface AsyncEmitter {
	emit(type: string, ...args: unknown[]): Promise<unknown[]>;
}

/**
 * What `dateline.catalog` listeners receive before pages render; each returns the problems it
 * found. After them, and after a production build has emptied the output folder,
 * `dateline.publish` tells them to write their files.
 */
export interface CatalogEvent extends PhotosEvent {
	catalog: Catalog;
}

interface EleventyBeforeEvent {
	runMode: "build" | "serve" | "watch";
	directories: { input: string; output: string };
}

/**
 * Registers one file rendered from the catalog (a page, feed or sitemap) as a virtual template.
 * After an edit to articles alone the preview leaves it as it is on disk, unless `always`.
 */
export function addCatalogFile(
	eleventyConfig: UserConfig,
	name: string,
	permalink: string,
	render: (catalog: Catalog) => string,
	always = false,
): void {
	eleventyConfig.addTemplate(
		`dateline/${name}.11ty.js`,
		(data: { dateline: Catalog }) => render(data.dateline),
		{
			eleventyExcludeFromCollections: true,
			permalink: (data: { dateline: Catalog }) =>
				always || data.dateline.renderAll ? permalink : false,
		},
	);
}

/**
 * Registers one page per item of a catalog list (`pageArticles`, `pageListings`, ...) as a
 * paginated virtual template, each written where `href` says.
 */
export function addCatalogPages<T>(
	eleventyConfig: UserConfig,
	name: string,
	list: "pageArticles" | "pageListings" | "pageRedirects" | "pageSections",
	href: (catalog: Catalog, item: T) => string,
	render: (catalog: Catalog, item: T) => string,
): void {
	type Data = { dateline: Catalog; item: T };
	eleventyConfig.addTemplate(
		`dateline/${name}.11ty.js`,
		(data: Data) => render(data.dateline, data.item),
		{
			eleventyExcludeFromCollections: true,
			pagination: { data: `dateline.${list}`, size: 1, alias: "item" },
			permalink: (data: Data) => data.dateline.outputPath(href(data.dateline, data.item)),
		},
	);
}

/** "Next scheduled article: ..." for the build log, or undefined when nothing is scheduled. */
export function scheduleNote(catalog: Catalog): string | undefined {
	const [next, ...rest] = catalog.scheduled;
	if (!next) return undefined;
	const { language, timezone } = catalog.site;
	const when = formatDateTime(next.published, language, timezone);
	const more = rest.length > 0 ? ` (${String(rest.length)} more scheduled after it)` : "";
	// The folder holding the article is the editor's to name: never raw on a terminal.
	return visible(
		`[dateline] Next scheduled article: "${next.data.title}" (${next.sourcePath}) goes live ${when} (${isoUtc(next.published)}), with the first build after that time${more}.`,
	);
}

/** Empties the output folder, refusing any folder that holds the project or its content. */
export async function clearOutput(output: string, contentDir: string): Promise<void> {
	const dir = path.resolve(output);
	const inside = (child: string, parent: string) =>
		child === parent || child.startsWith(parent + path.sep);
	if (dir === path.parse(dir).root || inside(process.cwd(), dir) || inside(contentDir, dir)) {
		throw new Error(
			`Refusing to empty the output folder ${dir}: it holds the project or its content.`,
		);
	}
	await rm(dir, { recursive: true, force: true });
}

/**
 * After an edit in the preview: the slugs of the edited articles, when nothing but their text
 * changed (same articles, dates, sections, tags and authors, so no other page moves); else
 * undefined, for a full render.
 */
export function editedOnly(
	previous: Catalog,
	next: Catalog,
	changed: string[],
	contentDir: string,
): Set<string> | undefined {
	const articlesDir = path.join(contentDir, "articles") + path.sep;
	if (changed.length === 0) return undefined;
	if (
		!changed.every((file) => file.startsWith(articlesDir) && path.basename(file) === "index.md")
	)
		return undefined;
	if (previous.articles.length !== next.articles.length) return undefined;
	const before = new Map(previous.articles.map((a) => [a.slug, a]));
	const slugs = new Set(changed.map((file) => path.basename(path.dirname(file))));
	for (const slug of slugs) {
		const [a, b] = [before.get(slug), next.articles.find((x) => x.slug === slug)];
		if (!a || !b) return undefined;
		const same =
			a.published === b.published &&
			a.status === b.status &&
			a.section.id === b.section.id &&
			a.tags.join() === b.tags.join() &&
			a.aliases.join() === b.aliases.join() &&
			a.authors.map((x) => x.id).join() === b.authors.map((x) => x.id).join();
		if (!same) return undefined;
	}
	return slugs;
}

/** The problems panel the preview shows at the top of every page while content is broken. */
export function problemsPanel(problems: Problem[]): string {
	return (
		`<div role="alert" style="font:15px/1.5 ui-monospace,monospace;background:#fff3f0;color:#5c0e00;border:3px solid #b3261e;padding:1rem;margin:0;white-space:pre-wrap">` +
		`<strong>Dateline cannot build the site: fix the content below and save; this page reloads by itself.</strong>\n\n` +
		`${escapeHtml(formatProblems(problems, "the preview shows the last good build."))}</div>`
	);
}

/**
 * Hands a sound catalog to the other plugins: `dateline.catalog` lets them prepare their part
 * (photos) and say what is wrong, which stops a production build before anything is written;
 * then a production build empties the output folder and `dateline.publish` lets them write.
 */
async function handOver(
	catalog: Catalog,
	directories: EleventyBeforeEvent["directories"],
	preview: boolean,
	events: AsyncEmitter,
): Promise<void> {
	const next = scheduleNote(catalog);
	if (next) process.stdout.write(`${next}\n`);
	const event: CatalogEvent = {
		catalog,
		photos: photoUses(catalog),
		basePath: catalog.basePath,
		photosUrl: catalog.site.photos?.url,
		directories,
		preview,
	};
	const found = (await events.emit("dateline.catalog", event)).flatMap((r) =>
		Array.isArray(r) ? (r as Problem[]) : [],
	);
	if (found.length > 0 && !preview) stopBuild(found);
	if (found.length > 0) {
		process.stderr.write(
			`\n${formatProblems(found, "the preview shows the pages without these photos.")}\n\n`,
		);
	}
	// A production build starts from an empty output folder, so a pulled or renamed article
	// leaves nothing behind for a host or for the search index to find.
	if (!preview) await clearOutput(directories.output, directories.input);
	await events.emit("dateline.publish", event);
}

/**
 * What is shown while content has problems, which are printed. A production build stops: it
 * must never write a half site. The preview keeps its last good build, every page rendered
 * again to carry the problems panel; started on broken content, with no good build yet, it
 * shows the articles that have no problem.
 */
function whileBroken(result: LoadResult, lastGood: Catalog | undefined, preview: boolean): Catalog {
	if (!preview) stopBuild(result.problems);
	const shown = lastGood ?? ("partial" in result ? result.partial : undefined);
	if (!shown) stopBuild(result.problems);
	const footer = lastGood
		? "the preview shows the last good build."
		: "the preview shows only the articles without problems.";
	process.stderr.write(`\n${formatProblems(result.problems, footer)}\n\n`);
	shown.renderOnly = undefined;
	return shown;
}

/**
 * Stops when Eleventy's input folder is not Dateline's empty one (`--input=content` on the
 * command line): Eleventy would run `_data/*.js` and `*.11ty.js` files an editor committed.
 */
export function refuseOtherInput(eleventyInput: string, expected: string): void {
	if (path.resolve(eleventyInput) === path.resolve(expected)) return;
	process.stderr.write(
		`[dateline] Eleventy's input folder must be ${expected}/, which holds no content, but is ${eleventyInput}: Eleventy would run and publish the files in it. Leave out \`--input\`; to build other content, set DATELINE_CONTENT=<folder>.\n`,
	);
	process.exit(1);
}

const DEFAULTS = {
	/** The editors' folder: articles, photos and data files. Eleventy never reads it. */
	contentDir: "content",
	/** Eleventy's input folder, empty: pages are the plugins' virtual templates. */
	eleventyInput: "eleventy-input",
};

/** The content folder, absolute; ours to watch, since Eleventy reads nothing of it. */
function contentFolder(eleventyConfig: UserConfig, opts: typeof DEFAULTS): string {
	// Plugins run after directories are resolved, `--input` included.
	refuseOtherInput((eleventyConfig.directories as { input: string }).input, opts.eleventyInput);
	const contentDir = path.resolve(opts.contentDir);
	eleventyConfig.addWatchTarget(
		`${contentDir}/**/*.{md,markdown,yaml,yml,jpg,jpeg,png,webp,avif,gif}`,
	);
	return contentDir;
}

/** Registers the content check and the `dateline` global data. */
export default function contentPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): ContentState {
	const opts = { ...DEFAULTS, ...options };
	const state: ContentState = { catalog: undefined, problems: [], preview: false };
	// Eleventy's AsyncEventEmitter types its emit() with @ts-expect-error, so name what we use.
	const events = eleventyConfig.events as unknown as AsyncEmitter;
	const contentDir = contentFolder(eleventyConfig, opts);

	// The last catalog without problems: what the preview falls back on while content is broken.
	let lastGood: Catalog | undefined;
	quietWhileBroken(
		(eleventyConfig as { logger?: unknown }).logger,
		() => state.problems.length > 0,
	);

	eleventyConfig.on("eleventy.before", async ({ runMode, directories }: EleventyBeforeEvent) => {
		state.preview = runMode !== "build";
		const previous = state.problems.length === 0 ? state.catalog : undefined;
		const changed = changedFiles.splice(0);
		const result = await loadContent({
			contentDir,
			includeUnpublished: state.preview,
			now: buildTime(),
			...(state.preview ? { cache: parseCache, partial: !lastGood } : {}),
		});
		state.problems = result.problems;
		// The listeners' `input` is the content folder: Eleventy's own input holds no content.
		const folders = { ...directories, input: contentDir };
		if (result.catalog) {
			lastGood = result.catalog;
			if (state.preview && previous)
				result.catalog.renderOnly = editedOnly(
					previous,
					result.catalog,
					changed,
					contentDir,
				);
			state.catalog = result.catalog;
			await handOver(result.catalog, folders, state.preview, events);
			return;
		}
		const shown = whileBroken(result, lastGood, state.preview);
		state.catalog = shown;
		// A catalog of what is sound is new: its photos are made like any build's.
		if (shown !== lastGood) await handOver(shown, folders, state.preview, events);
	});

	eleventyConfig.addGlobalData("dateline", () => state.catalog);

	// The preview remembers what changed, so an edit to one article re-renders only what shows it.
	const parseCache: ParseCache = new Map();
	const changedFiles: string[] = [];
	eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
		changedFiles.push(...queue.map((file) => path.resolve(file)));
	});

	eleventyConfig.addTransform(
		"dateline-problems",
		function (this: { page: { outputPath: string | false } }, content: string) {
			if (state.problems.length === 0 || !String(this.page.outputPath).endsWith(".html"))
				return content;
			return content.replace(/<body[^>]*>/, (body) => body + problemsPanel(state.problems));
		},
	);

	return state;
}
