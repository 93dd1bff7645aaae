/**
 * Site search with Pagefind, run after every production build: it indexes the article pages
 * only (their `data-pagefind-body`), with section and tag filters, and writes its bundle to
 * `/pagefind/` for the search page.
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import * as pagefind from "pagefind";

const DEFAULTS = {
	/** Which built files to index, relative to the output folder. */
	glob: "articles/**/*.html",
	/** Index in the preview server too (slower saves on large archives). */
	inPreview: false,
};

interface AfterEvent {
	runMode: "build" | "serve" | "watch";
	directories: { output: string };
}

/** Indexes the built articles of `outputDir` and writes the Pagefind bundle into it. */
export async function indexSite(outputDir: string, glob = DEFAULTS.glob): Promise<number> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
	try {
		const added = await index.addDirectory({ path: outputDir, glob });
		if (added.errors.length > 0)
			throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
		const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
		if (written.errors.length > 0)
			throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

/** Registers the search index step. */
export default function searchPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	eleventyConfig.on("eleventy.after", async ({ runMode, directories }: AfterEvent) => {
		if (runMode !== "build" && !opts.inPreview) return;
		await indexSite(path.resolve(directories.output), opts.glob);
		// The last files are written: what reports on the whole site runs now (src/host-fit.ts).
		if (runMode === "build") {
			const events = eleventyConfig.events as unknown as {
				emit: (type: string, ...args: unknown[]) => Promise<unknown>;
			};
			await events.emit("dateline.written", { directories });
		}
	});
}
