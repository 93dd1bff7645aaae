/**
 * `npm run photos`: the photo work of a build, without the build. Reads and checks the content
 * as `npm run build` does, then:
 *
 *   npm run photos                   encodes into the cache every photo the build needs and the
 *                                    cache lacks, with the build's progress line
 *   npm run photos -- --shard 2/8    only the distinct photos whose content hash falls in
 *                                    shard 2 of 8; shards are disjoint and together cover the
 *                                    work, and merge by copying their cache folders into one
 *     --out <dir>                    writes what it encodes to <dir> instead of the cache
 *   npm run photos -- --prune        removes cache entries no article uses (drafts and scheduled
 *                                    articles count as using theirs), and says what it freed
 *   npm run photos -- --uploaded     after `_photos/` was copied to the photo host: keeps only
 *                                    the manifests of what the host now holds
 *   npm run photos -- --plan <n>     for CI: `missing=`, `count=` and `shards=` lines for
 *                                    $GITHUB_OUTPUT, at most <n> shards
 *   npm run photos -- --recipe       the digest of what decides the files' bytes (settings,
 *                                    sharp and libvips), for the CI cache key
 *
 * The content folder is `content/` unless another is given as the first argument. No site is
 * written and the index of source hashes is saved, except by a shard, which writes nothing but
 * its cache entries.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { photoUses } from "../content/catalog.ts";
import { buildTime, loadContent } from "../content/load.ts";
import { CacheIndex } from "../photos/cache-index.ts";
import { entries, planShards, prepareCommand, usedKeys } from "../photos/command.ts";
import { size } from "../host-fit.ts";
import { PHOTOS_DIR, PIPELINE_DEFAULTS } from "../photos/settings.ts";
import { markUploaded, pruneCache } from "../photos/upkeep.ts";
import { formatProblems } from "../problems.ts";
import { recipeDigest } from "../photos/works.ts";

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		shard: { type: "string" },
		out: { type: "string" },
		prune: { type: "boolean" },
		uploaded: { type: "boolean" },
		plan: { type: "string" },
		recipe: { type: "boolean" },
	},
});

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

if (values.recipe) {
	process.stdout.write(`${recipeDigest(PIPELINE_DEFAULTS)}\n`);
	process.exit(0);
}

const contentDir = path.resolve(positionals[0] ?? "content");
const root = path.dirname(contentDir);
const cacheDir = path.resolve(root, PIPELINE_DEFAULTS.cacheDir);
// Pruning keeps what drafts and scheduled articles use; everything else does what a build does.
const { catalog, problems } = await loadContent({
	contentDir,
	includeUnpublished: values.prune === true,
	now: buildTime(),
});
if (!catalog) fail(formatProblems(problems, "fix them and run `npm run photos` again."));
const uses = photoUses(catalog);
const host = catalog.site.photos?.url;

if (values.prune) {
	const { removed, kept } = await pruneCache(cacheDir, await usedKeys(uses, cacheDir, root));
	process.stdout.write(
		`Pruned ${entries(removed.entries)} no article uses: ${String(removed.files)} files, ${size(removed.bytes)} freed; kept ${String(kept.entries)} (${String(kept.files)} files, ${size(kept.bytes)}).\n`,
	);
} else if (values.uploaded) {
	if (!host)
		fail("`--uploaded` is for a photo host: site.yaml names none (`photos: { url: … }`).");
	const index = await CacheIndex.load(cacheDir, root);
	const freed = await markUploaded(cacheDir, path.join(root, PHOTOS_DIR), host, index);
	await index.save();
	process.stdout.write(
		`${entries(freed.entries)} now on ${host}: ${String(freed.files)} files, ${size(freed.bytes)} freed from the cache.\n`,
	);
} else if (values.plan !== undefined) {
	const most = Number(values.plan);
	if (!Number.isInteger(most) || most < 1)
		fail(`--plan takes the most shards, e.g. 32; found "${values.plan}"`);
	const { missing, shards } = await planShards(uses, { cacheDir, root, remote: host, most });
	process.stdout.write(
		`missing=${String(missing)}\ncount=${String(shards.length)}\nshards=${JSON.stringify(shards)}\n`,
	);
} else {
	if (values.out) await mkdir(values.out, { recursive: true });
	const result = await prepareCommand(uses, {
		cacheDir,
		root,
		remote: host,
		shard: values.shard,
		outDir: values.out ? path.resolve(values.out) : undefined,
	});
	if ("usage" in result) fail(result.usage);
	if (result.problems.length > 0)
		fail(formatProblems(result.problems, "fix them and run `npm run photos` again."));
}
