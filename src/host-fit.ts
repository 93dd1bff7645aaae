/**
 * Whether the built site fits the static hosts the README deploys to. After a production
 * build, one line gives the size and file count of `_site/` and of the photos (in the site, or
 * on their own host), and a warning names each documented limit the site is past:
 *
 * - GitHub Pages: a published site may be at most 1 GB
 *   (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits);
 * - Cloudflare Pages: 20,000 files a site on the free plan, 100,000 on paid plans, and 25 MiB
 *   a file (https://developers.cloudflare.com/pages/platform/limits/).
 *
 * The remedy for a photo archive is its own host (`photos: { url: … }` in site.yaml).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { mapLimit } from "./concurrency.ts";
import type { PhotosPublished } from "./photos/plugin.ts";

/** The limits, as the hosts document them. */
export const HOST_LIMITS = {
	githubPagesBytes: 1024 ** 3,
	cloudflareFreeFiles: 20_000,
	cloudflarePaidFiles: 100_000,
	cloudflareFileBytes: 25 * 1024 ** 2,
};

/** Files measured at once. */
const STAT_CONCURRENCY = 64;

/** What a folder holds: files, bytes, and its largest file. */
export interface FolderSize {
	files: number;
	bytes: number;
	largest: { file: string; bytes: number } | undefined;
}

/** Counts the files of a folder, recursively, with their sizes. */
export async function measureFolder(dir: string): Promise<FolderSize> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
	const sizes = await mapLimit(files, STAT_CONCURRENCY, async (f) => (await stat(f)).size);
	let largest: FolderSize["largest"];
	sizes.forEach((bytes, i) => {
		if (!largest || bytes > largest.bytes)
			largest = { file: path.relative(dir, files[i] ?? ""), bytes };
	});
	return { files: files.length, bytes: sizes.reduce((n, b) => n + b, 0), largest };
}

function count(n: number): string {
	return n.toLocaleString("en-US");
}

/** 1.2 GB, 45.6 MB, 320 KB: the units the hosts' limits are written in. */
export function size(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
	if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
	return `${String(Math.round(bytes / 1024))} KB`;
}

/** The report line, and a warning for each limit the site is past. */
export function hostFit(
	site: FolderSize,
	photos: Pick<PhotosPublished, "files" | "bytes" | "host" | "copied"> | undefined,
	limits = HOST_LIMITS,
): { line: string; warnings: string[] } {
	const where = photos?.host
		? `; photos on ${photos.host}: ${count(photos.files)} files, ${size(photos.bytes)} (${count(photos.copied)} new in _photos/)`
		: photos
			? ` (photos included: ${count(photos.files)} files, ${size(photos.bytes)})`
			: "";
	const line = `Host fit: _site/ holds ${count(site.files)} files, ${size(site.bytes)}${where}.`;
	const remedy = photos?.host
		? ""
		: "; serve photos from their own host (`photos: { url: … }` in site.yaml, see the README)";
	const warnings: string[] = [];
	if (site.bytes > limits.githubPagesBytes)
		warnings.push(
			`_site/ is ${size(site.bytes)}, past GitHub Pages' limit of ${size(limits.githubPagesBytes)} for a published site${remedy}.`,
		);
	if (site.files > limits.cloudflarePaidFiles)
		warnings.push(
			`_site/ holds ${count(site.files)} files, past Cloudflare Pages' limit of ${count(limits.cloudflarePaidFiles)} files a site, even on paid plans${remedy}.`,
		);
	else if (site.files > limits.cloudflareFreeFiles)
		warnings.push(
			`_site/ holds ${count(site.files)} files, past Cloudflare Pages' limit of ${count(limits.cloudflareFreeFiles)} files a site on the free plan (${count(limits.cloudflarePaidFiles)} on paid plans)${remedy}.`,
		);
	if (site.largest && site.largest.bytes > limits.cloudflareFileBytes)
		warnings.push(
			`_site/${site.largest.file} is ${size(site.largest.bytes)}, past Cloudflare Pages' limit of ${size(limits.cloudflareFileBytes)} a file.`,
		);
	return { line, warnings };
}

/**
 * Registers the report: the photo totals come with `dateline.photos` (src/photos/plugin.ts),
 * and the site is measured at `dateline.written`, once the search index is written too.
 */
export default function hostFitPlugin(
	eleventyConfig: UserConfig,
	options: { limits?: typeof HOST_LIMITS } = {},
): void {
	let photos: PhotosPublished | undefined;
	eleventyConfig.on("dateline.photos", (published: PhotosPublished) => {
		photos = published;
	});
	eleventyConfig.on(
		"dateline.written",
		async ({ directories }: { directories: { output: string } }) => {
			const site = await measureFolder(path.resolve(directories.output));
			const { line, warnings } = hostFit(site, photos, options.limits);
			process.stdout.write(`${line}\n`);
			for (const warning of warnings) process.stderr.write(`Warning: ${warning}\n`);
			photos = undefined;
		},
	);
}
