/**
 * What `npm run photos` does with the photo uses of the content (src/cli/photos.ts reads the
 * content and the arguments): encode what the cache lacks, or one shard of it; count what is
 * missing to plan CI shards; name the cache entries the content uses, for pruning.
 */
import type { Problem } from "../problems.ts";
import { preparePhotos } from "./prepare.ts";
import { liveProgress, progressMode, summary } from "./progress.ts";
import { PIPELINE_DEFAULTS } from "./settings.ts";
import { CacheIndex } from "./cache-index.ts";
import type { PhotoUse, PipelineOptions } from "./types.ts";
import { countMissing, entryKeys, groupWorks, parseShard } from "./works.ts";

/**
 * Photos a shard should have at least: about 2.5 minutes of encoding on two cores, what a CI
 * job spends starting up. Fewer missing photos are encoded by the build job itself.
 */
export const PHOTOS_PER_SHARD = 100;

/** Where the cache is and which photo host, if any, counts as holding uploaded files. */
interface Where {
	cacheDir: string;
	root: string;
	remote: string | undefined;
	/** The build's settings, unless others are given (tests). */
	settings?: Partial<PipelineOptions>;
}

/** "3 cache entries", "1 cache entry". */
export function entries(n: number): string {
	return `${String(n)} cache ${n === 1 ? "entry" : "entries"}`;
}

function options(where: Where, index: CacheIndex): PipelineOptions {
	return {
		...PIPELINE_DEFAULTS,
		...where.settings,
		cacheDir: where.cacheDir,
		index,
		remote: where.remote,
	};
}

async function cacheIndex(where: Where): Promise<CacheIndex> {
	return CacheIndex.load(where.cacheDir, where.root);
}

/**
 * Encodes what the cache lacks (of one shard, when given), printing the build's progress line
 * and summary. A shard saves no index: every shard's run would write the same file, and shards
 * merge by copying their folders.
 */
export async function prepareCommand(
	uses: PhotoUse[],
	where: Where & { shard: string | undefined; outDir: string | undefined },
): Promise<{ problems: Problem[] } | { usage: string }> {
	const shard = where.shard === undefined ? undefined : parseShard(where.shard);
	if (typeof shard === "string") return { usage: shard };
	const index = await cacheIndex(where);
	const mode = progressMode("auto", process.stdout);
	const live = mode === "live" ? liveProgress(process.stdout) : undefined;
	const prepared = await preparePhotos(
		uses,
		{
			...options(where, index),
			shard,
			outDir: where.outDir,
			...(live ? { onProgress: live.update } : {}),
		},
		where.root,
	);
	live?.clear();
	if (!shard) await index.save();
	const label = shard ? ` (shard ${String(shard.index)} of ${String(shard.count)})` : "";
	process.stdout.write(`${summary(prepared.stats)}${label}\n`);
	return { problems: prepared.problems };
}

/** How many distinct photos the cache lacks, and the shards to encode them in CI. */
export async function planShards(
	uses: PhotoUse[],
	where: Where & { most: number; perShard?: number },
): Promise<{ missing: number; shards: number[] }> {
	const index = await cacheIndex(where);
	const { works } = await groupWorks(uses, options(where, index), index);
	const missing = await countMissing(works.values(), index, where.remote);
	await index.save();
	const per = where.perShard ?? PHOTOS_PER_SHARD;
	const count = missing > per ? Math.min(where.most, Math.ceil(missing / per)) : 0;
	return { missing, shards: Array.from({ length: count }, (_, i) => i + 1) };
}

/** The keys of every cache entry the uses need. */
export async function usedKeys(
	uses: PhotoUse[],
	cacheDir: string,
	root: string,
): Promise<Set<string>> {
	const where = { cacheDir, root, remote: undefined };
	const index = await cacheIndex(where);
	const { works } = await groupWorks(uses, options(where, index), index);
	await index.save();
	return entryKeys(works.values());
}
