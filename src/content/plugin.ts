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
import { dropAside, setAside } from "../build/output.ts";
import { planBuild, statePath, type BuildPlan, type BuildState } from "../build/plan.ts";
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
	plan: BuildPlan;
	/** The preview's problems panel, put on every page while content is broken. */
	decorate?: (html: string) => string;
}

/** Set to "1" (`npm run build -- --full`), a build writes everything from an empty output folder. */
export const FULL_ENV = "DATELINE_FULL";

interface EleventyBeforeEvent {
	runMode: "build" | "serve" | "watch";
	directories: { input: string; output: string };
}

/** Registers one file rendered from the catalog (a page, feed or sitemap) as a virtual template. */
export function addCatalogFile(
	eleventyConfig: UserConfig,
	name: string,
	permalink: string,
	render: (catalog: Catalog) => string,
): void {
	eleventyConfig.addTemplate(
		`dateline/${name}.11ty.js`,
		(data: { dateline: Catalog }) => render(data.dateline),
		{
			eleventyExcludeFromCollections: true,
			permalink,
		},
	);
}

/**
 * Registers one file per item of a small catalog list (the sections, for their feeds) as a
 * paginated virtual template, each written where `href` says.
 */
export function addCatalogPages<T>(
	eleventyConfig: UserConfig,
	name: string,
	list: "sectionList",
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

/** The problems panel the preview shows at the top of every page while content is broken. */
export function problemsPanel(problems: Problem[]): string {
	return (
		`<div role="alert" style="font:15px/1.5 ui-monospace,monospace;background:#fff3f0;color:#5c0e00;border:3px solid #b3261e;padding:1rem;margin:0;white-space:pre-wrap">` +
		`<strong>Dateline cannot build the site: fix the content below and save; this page reloads by itself.</strong>\n\n` +
		`${escapeHtml(formatProblems(problems, "the preview shows the last good build."))}</div>`
	);
}

/**
 * Hands a sound catalog to the other plugins, in order: `dateline.catalog` lets them prepare
 * their part (photos) and say what is wrong, which stops a production build before anything is
 * written; a full build then empties the output folder; `dateline.publish` lets them write
 * their files, `dateline.pages` the page writer its pages, `dateline.index` the search index.
 * The build's record is dropped before the first write and kept once Eleventy has written its
 * own pages too (the returned plan's `save`), so a build that fails halfway makes the next one
 * full.
 */
async function handOver(
	catalog: Catalog,
	directories: EleventyBeforeEvent["directories"],
	preview: boolean,
	events: AsyncEmitter,
	memory: { state?: BuildState },
	decorate?: (html: string) => string,
): Promise<BuildPlan> {
	const next = scheduleNote(catalog);
	if (next) process.stdout.write(`${next}\n`);
	const contentDir = path.resolve(directories.input);
	const stateFile = statePath(path.dirname(contentDir), directories.output);
	// The preview writes drafts and its marks into the output folder: the production build
	// after it must not take those pages for its own.
	if (preview) await rm(stateFile, { force: true });
	const plan = await planBuild({
		contentDir,
		outputDir: path.resolve(directories.output),
		stateFile: preview ? undefined : stateFile,
		full: process.env[FULL_ENV] === "1",
		memory,
	});
	const event: CatalogEvent = {
		catalog,
		photos: photoUses(catalog),
		basePath: catalog.basePath,
		photosUrl: catalog.site.photos?.url,
		directories,
		preview,
		plan,
		...(decorate ? { decorate } : {}),
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
	await plan.forget();
	// A full build writes into an empty output folder, so nothing of an earlier build is left
	// for a host or for the search index to find; the last site waits aside until it is done.
	// An incremental one removes what it no longer makes.
	if (!preview && plan.full) await setAside(directories.output, contentDir);
	await events.emit("dateline.publish", event);
	await events.emit("dateline.pages", event);
	await events.emit("dateline.index", event);
	return plan;
}

/** Puts the problems panel at the top of a page's body. */
function withPanel(problems: Problem[]): (html: string) => string {
	const panel = problemsPanel(problems);
	return (html) => html.replace(/<body[^>]*>/, (body) => body + panel);
}

/** In the preview, while content is broken: the last good build's pages, with the panel. */
async function repaint(
	catalog: Catalog,
	directories: EleventyBeforeEvent["directories"],
	events: AsyncEmitter,
	memory: { state?: BuildState },
	decorate: (html: string) => string,
): Promise<BuildPlan> {
	const plan = await planBuild({
		contentDir: path.resolve(directories.input),
		outputDir: path.resolve(directories.output),
		stateFile: undefined,
		memory,
	});
	await events.emit("dateline.pages", { catalog, directories, preview: true, plan, decorate });
	return plan;
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

	// This build's plan, kept once the build has written everything.
	let plan: BuildPlan | undefined;
	eleventyConfig.on("eleventy.before", async ({ runMode, directories }: EleventyBeforeEvent) => {
		plan = undefined;
		state.preview = runMode !== "build";
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
			state.catalog = result.catalog;
			plan = await handOver(result.catalog, folders, state.preview, events, memory);
			return;
		}
		const shown = whileBroken(result, lastGood, state.preview);
		state.catalog = shown;
		// A catalog of what is sound is new: its photos are made like any build's. Either way
		// every page carries the problems panel.
		const panel = withPanel(result.problems);
		plan =
			shown === lastGood
				? await repaint(shown, folders, events, memory, panel)
				: await handOver(shown, folders, state.preview, events, memory, panel);
	});

	eleventyConfig.addGlobalData("dateline", () => state.catalog);

	// The preview keeps what it parsed and what it wrote, so a save re-renders only what changed.
	const parseCache: ParseCache = new Map();
	const memory: { state?: BuildState } = {};

	eleventyConfig.addTransform(
		"dateline-problems",
		function (this: { page: { outputPath: string | false } }, content: string) {
			if (state.problems.length === 0 || !String(this.page.outputPath).endsWith(".html"))
				return content;
			return content.replace(/<body[^>]*>/, (body) => body + problemsPanel(state.problems));
		},
	);

	// Everything is written: the last site set aside goes, and the record is kept for the next.
	eleventyConfig.on("eleventy.after", async () => {
		await dropAside();
		await plan?.save();
	});

	return state;
}
