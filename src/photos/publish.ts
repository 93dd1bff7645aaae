/**
 * Copies prepared files from the cache into the site and attaches the renditions to the
 * photos the layouts render. The original is never published: a photo's `href` becomes its
 * largest JPEG, since the original may carry the photographer's location.
 */
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { PreparedPhotos } from "./prepare.ts";

/**
 * Copies prepared files into the site, skipping any already there (the names are hashes of
 * their content's recipe, so same name and size means same file), and attaches renditions.
 */
export async function publishPhotos(
	prepared: PreparedPhotos,
	outputDir: string,
	basePath = "",
): Promise<number> {
	let copied = 0;
	// Addresses carry the path the site is served under; the output folder does not.
	const copies = [...prepared.files].map(([from, href]) => ({
		from,
		to: path.join(
			outputDir,
			...href.slice(href.startsWith(`${basePath}/`) ? basePath.length : 0).split("/"),
		),
	}));
	const dirs = new Set(copies.map((c) => path.dirname(c.to)));
	await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
	await Promise.all(
		copies.map(async ({ from, to }) => {
			const [src, dest] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
			if (dest?.size === src.size) return;
			// A reflink where the file system has them (btrfs, APFS, XFS), else a plain copy.
			await copyFile(from, to, constants.COPYFILE_FICLONE);
			copied++;
		}),
	);
	// What no photo of this build uses goes, as a build into an empty folder would not have it.
	const wanted = new Set(copies.map((c) => c.to));
	for (const dir of dirs) {
		const stale = (await readdir(dir)).map((name) => path.join(dir, name));
		await Promise.all(stale.filter((f) => !wanted.has(f)).map((f) => rm(f, { force: true })));
	}
	for (const [use, rendition] of prepared.renditions) {
		use.photo.rendition = rendition;
		if ("href" in use.photo) use.photo.href = rendition.fallback.href;
	}
	prepared.stats.copied = copied;
	return copied;
}
