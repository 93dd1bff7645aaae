/**
 * Copies prepared files from the cache into the folder the site serves them from and attaches
 * the renditions to the photos the layouts render. The original is never published: a photo's
 * `href` becomes its largest JPEG, since the original may carry the photographer's location.
 */
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "../concurrency.ts";
import { writeAtomic } from "./cache.ts";
import type { PreparedPhotos } from "./prepare.ts";
import type { PublishablePhoto } from "./types.ts";

// Copies in flight: enough to keep the disk busy.
const COPY_CONCURRENCY = 16;

/** Cache files that were gone when they were to be published: their entries are made again. */
export class LostCacheFiles extends Error {
	override name = "LostCacheFiles";
	/** The cache entries' folders. */
	readonly dirs: string[];

	constructor(dirs: string[]) {
		super(`photo cache entries lost files: ${dirs.join(", ")}`);
		this.dirs = dirs;
	}
}

/**
 * Copies prepared files into `dir` (`_site/img/`, or `_photos/` for a photo host), skipping any
 * already there: the names are hashes of what made them, and every copy lands under its name
 * whole (a temporary name, then a rename), so a name in the folder is the file. With `prune`,
 * removes the files of the folder that no photo uses. Attaches the renditions.
 */
export async function publishPhotos(
	prepared: PreparedPhotos,
	dir: string,
	options: { prune?: boolean } = {},
): Promise<number> {
	let copied = 0;
	await mkdir(dir, { recursive: true });
	// One listing rather than a stat a file: an archive's folder holds hundreds of thousands.
	const there = new Set(await readdir(dir));
	const lost = new Set<string>();
	const missing = [...prepared.files].flatMap(([entryDir, names]) =>
		names.filter((name) => !there.has(name)).map((name) => [name, entryDir] as const),
	);
	await mapLimit(missing, COPY_CONCURRENCY, async ([name, entryDir]) => {
		const from = path.join(entryDir, name);
		try {
			// A reflink where the file system has them (btrfs, APFS, XFS), else a plain copy.
			await writeAtomic(path.join(dir, name), (tmp) =>
				copyFile(from, tmp, constants.COPYFILE_FICLONE),
			);
			copied++;
		} catch (cause) {
			if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
			lost.add(entryDir);
		}
	});
	if (lost.size > 0) throw new LostCacheFiles([...lost]);
	// In the site's own folder, what no photo of this build uses goes, as a build into an empty
	// folder would not have it. A photo host's folder keeps it: it only gathers what to upload.
	if (options.prune) {
		const wanted = new Set([...prepared.files.values()].flat());
		const stale = [...there].filter((name) => !wanted.has(name));
		await mapLimit(stale, COPY_CONCURRENCY, (name) =>
			rm(path.join(dir, name), { force: true }),
		);
	}
	for (const [use, rendition] of prepared.renditions) {
		use.photo.rendition = rendition;
		if ("href" in use.photo) use.photo.href = rendition.fallback.href;
	}
	prepared.stats.copied = copied;
	return copied;
}

/** A photo as one image (a logo, an icon, a social image): its largest published JPEG. */
export function publishedImage(photo: PublishablePhoto & { href: string }): {
	href: string;
	width: number;
	height: number;
	type: string;
} {
	const fallback = photo.rendition?.fallback;
	return fallback
		? {
				href: fallback.href,
				width: fallback.width,
				height: fallback.height,
				type: "image/jpeg",
			}
		: {
				href: photo.href,
				width: photo.width,
				height: photo.height,
				type: `image/${photo.format.toLowerCase()}`,
			};
}
