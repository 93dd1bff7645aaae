/**
 * Writes the catalog's own pages (articles, listings, redirects) straight to the output folder,
 * one batch at a time, outside Eleventy's templates: Eleventy 3 renders every page into memory
 * before it writes the first (its TemplateMap, then TemplateWriter), which at 100,000 articles
 * is more than Node's heap holds (11ty/eleventy#3948). A page is written only when its
 * signature, a hash of everything it shows, differs from the last build's; a page of the last
 * build that this one no longer has is removed.
 */
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "../concurrency.ts";

// Pages rendered before their files are written: bounds the HTML held in memory at once.
const BATCH = 256;
const WRITE_CONCURRENCY = 32;

/** One page the writer may write: where, what it shows (as a hash), and how to render it. */
export interface PageJob {
	/** Path in the output folder, e.g. articles/osorio-to-leave-mexico/index.html. */
	path: string;
	signature: string;
	render: () => string;
}

/** What a run of the writer did. */
export interface WriteReport {
	/** Every page of this build, by path, with its signature. */
	pages: Record<string, string>;
	written: string[];
	removed: string[];
}

/**
 * Writes the pages whose signature changed since `previous`, removes those no longer made, and
 * returns the new record. `decorate` runs on every page written (the preview's problems panel).
 */
export async function writePages(
	jobs: Iterable<PageJob>,
	outputDir: string,
	previous: Readonly<Record<string, string>>,
	decorate: (html: string) => string = (html) => html,
): Promise<WriteReport> {
	const pages: Record<string, string> = Object.create(null) as Record<string, string>;
	const written: string[] = [];
	let batch: PageJob[] = [];
	const flush = async () => {
		const files = batch.map((job) => ({ job, html: decorate(job.render()) }));
		batch = [];
		await mapLimit(files, WRITE_CONCURRENCY, async ({ job, html }) => {
			const file = path.join(outputDir, job.path);
			await mkdir(path.dirname(file), { recursive: true });
			await writeFile(file, html);
		});
	};
	for (const job of jobs) {
		if (job.path in pages) throw new Error(`Two pages would be written to ${job.path}`);
		pages[job.path] = job.signature;
		if (previous[job.path] === job.signature) continue;
		written.push(job.path);
		batch.push(job);
		if (batch.length >= BATCH) await flush();
	}
	await flush();
	const removed = Object.keys(previous).filter((p) => !(p in pages));
	await mapLimit(removed, WRITE_CONCURRENCY, (p) => removePage(outputDir, p));
	return { pages, written, removed };
}

/** Removes a page, and the folders it leaves empty, as a build that never made it would have. */
async function removePage(outputDir: string, page: string): Promise<void> {
	await rm(path.join(outputDir, page), { force: true });
	for (let dir = path.dirname(page); dir !== "." && dir !== ""; dir = path.dirname(dir)) {
		try {
			await rmdir(path.join(outputDir, dir));
		} catch {
			return; // not empty, or already gone
		}
	}
}
