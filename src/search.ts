/**
 * Site search with Pagefind: the article pages only (their `data-pagefind-body`), with section
 * and tag filters, in one index per quarter of publication under `/pagefind/<year>-q<n>/`,
 * which the search page merges in the browser (Pagefind's `mergeIndex`). Shards keep indexing
 * memory flat (Pagefind holds about 100 KB a page while it indexes: 10 GB at 100,000 articles
 * in one index) and let a build index again only the quarters whose pages changed: Pagefind
 * has no incremental mode (Pagefind/pagefind#71). Pages are fed in catalog order, since
 * Pagefind's output depends on the order it reads them.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import * as pagefind from "pagefind";
import type { BuildPlan } from "./build/plan.ts";
import { articleHash, sign } from "./build/signatures.ts";
import type { Catalog } from "./content/catalog.ts";
import type { Article } from "./content/types.ts";

const DEFAULTS = {
	/** Index in the preview server too (slower saves on large archives). */
	inPreview: false,
};

/** The folder, under the output folder, that holds one index per shard. */
export const SEARCH_DIR = "pagefind";

/** The shard an article is indexed in: the quarter it was published, in UTC, e.g. 2018-q3. */
export function shardOf(article: Pick<Article, "published">): string {
	const date = new Date(article.published);
	return `${String(date.getUTCFullYear())}-q${String(Math.floor(date.getUTCMonth() / 3) + 1)}`;
}

/** The catalog's articles by shard, newest shard first, each in catalog order. */
export function shards(catalog: Pick<Catalog, "articles">): Map<string, Article[]> {
	const byShard = new Map<string, Article[]>();
	for (const article of catalog.articles) {
		const key = shardOf(article);
		const list = byShard.get(key);
		if (list) list.push(article);
		else byShard.set(key, [article]);
	}
	return new Map([...byShard].sort(([a], [b]) => b.localeCompare(a)));
}

/** Writes one shard's index from the article pages already in the output folder. */
async function indexShard(
	catalog: Catalog,
	articles: Article[],
	outputDir: string,
	key: string,
): Promise<void> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
	try {
		for (const article of articles) {
			const file = catalog.outputPath(article.href).slice(1);
			const added = await index.addHTMLFile({
				sourcePath: file,
				content: await readFile(path.join(outputDir, file), "utf8"),
			});
			if (added.errors.length > 0)
				throw new Error(`Pagefind could not index ${file}: ${added.errors.join("; ")}`);
		}
		const written = await index.writeFiles({
			outputPath: path.join(outputDir, SEARCH_DIR, key),
		});
		if (written.errors.length > 0)
			throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
	} finally {
		await index.deleteIndex();
		// A new Pagefind process for each shard: one process holds on to the memory of every
		// index it made (2 GB and more across the shards of 100,000 articles).
		await pagefind.close();
	}
}

/**
 * Indexes the shards whose articles changed since the last build (`plan.shards` records them),
 * removes the shards no article is in any more, and returns how many pages it indexed. A
 * shard's signature is made of what Pagefind reads, the articles' own parts of their pages
 * (`data-pagefind-body`): not their related lists, which a new story changes across the
 * whole archive.
 */
export async function indexSite(
	catalog: Catalog,
	outputDir: string,
	plan: Pick<BuildPlan, "pageKey" | "shards" | "previousShards">,
): Promise<number> {
	let indexed = 0;
	for (const [key, articles] of shards(catalog)) {
		const signature = sign(plan.pageKey, key, ...articles.map(articleHash));
		plan.shards[key] = signature;
		if (plan.previousShards[key] === signature) continue;
		await rm(path.join(outputDir, SEARCH_DIR, key), { recursive: true, force: true });
		await indexShard(catalog, articles, outputDir, key);
		indexed += articles.length;
	}
	for (const key of Object.keys(plan.previousShards)) {
		if (!(key in plan.shards))
			await rm(path.join(outputDir, SEARCH_DIR, key), { recursive: true, force: true });
	}
	return indexed;
}

interface AfterEvent {
	runMode: "build" | "serve" | "watch";
	directories: { output: string };
}

/** What the content plugin hands the search index step. */
interface IndexEvent {
	catalog: Catalog;
	directories: { output: string };
	preview: boolean;
	plan: BuildPlan;
}

/** Registers the search index step, after the page writer. */
export default function searchPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	eleventyConfig.on(
		"dateline.index",
		async ({ catalog, directories, preview, plan }: IndexEvent) => {
			if (preview && !opts.inPreview) return;
			const started = performance.now();
			const pages = await indexSite(catalog, path.resolve(directories.output), plan);
			const shardCount = Object.keys(plan.shards).length;
			process.stdout.write(
				`Search: ${String(pages)} pages indexed again, ${String(shardCount)} shard${shardCount === 1 ? "" : "s"}; ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
			);
		},
	);
	eleventyConfig.on("eleventy.after", async ({ runMode, directories }: AfterEvent) => {
		// The last files are written: what reports on the whole site runs now (src/host-fit.ts).
		if (runMode !== "build") return;
		const events = eleventyConfig.events as unknown as {
			emit: (type: string, ...args: unknown[]) => Promise<unknown>;
		};
		await events.emit("dateline.written", { directories });
	});
}
