import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { PIPELINE_DEFAULTS } from "../../../src/photos/settings.ts";
import { inShard, parseShard, recipeDigest, recipes } from "../../../src/photos/works.ts";

const OPTIONS = { ...PIPELINE_DEFAULTS, cacheDir: "/c" };

describe("what decides a rendition's bytes", () => {
	test("the recipes hold the encoder settings and the versions of sharp and libvips", () => {
		const { ladder, crops } = recipes(OPTIONS);
		for (const recipe of [ladder, crops]) {
			expect(recipe).toContain(`"vips":"${sharp.versions.vips}"`);
			expect(recipe).toContain(`"sharp":"${sharp.versions.sharp}"`);
			expect(recipe).toContain(JSON.stringify(OPTIONS.jpeg));
		}
		expect(ladder).toContain(JSON.stringify(OPTIONS.avif));
		expect(crops).not.toContain(JSON.stringify(OPTIONS.avif));
	});

	test("a setting changes the recipes that use it, and nothing else does", () => {
		const before = recipes(OPTIONS);
		const avif = recipes({ ...OPTIONS, avif: { ...OPTIONS.avif, quality: 60 } });
		expect(avif.ladder).not.toBe(before.ladder);
		expect(avif.crops).toBe(before.crops);
		// Where the cache lives, how many encode at once, where files are served: no byte changes.
		const elsewhere = recipes({
			...OPTIONS,
			cacheDir: "/d",
			concurrency: 1,
			urlPath: "https://img.example.org/",
		});
		expect(elsewhere).toEqual(before);
		expect(recipeDigest(OPTIONS)).toMatch(/^[0-9a-f]{16}$/);
		expect(recipeDigest({ ...OPTIONS, cropWidth: 1000 })).not.toBe(recipeDigest(OPTIONS));
	});
});

describe("shards", () => {
	test.each([1, 2, 3, 4, 7, 32])(
		"%i shards: every content hash falls in exactly one",
		(count) => {
			const hashes = Array.from({ length: 500 }, (_, i) =>
				createHash("sha256").update(String(i)).digest("hex"),
			);
			const sizes = Array.from(
				{ length: count },
				(_, s) => hashes.filter((h) => inShard(h, { index: s + 1, count })).length,
			);
			for (const h of hashes) {
				const owners = Array.from({ length: count }, (_, s) => s + 1).filter((index) =>
					inShard(h, { index, count }),
				);
				expect(owners).toHaveLength(1);
			}
			expect(sizes.reduce((a, b) => a + b, 0)).toBe(hashes.length);
			// Spread evenly: no shard far from its share.
			for (const size of sizes) expect(size).toBeGreaterThan((0.5 * hashes.length) / count);
		},
	);

	test.each([
		["2/4", { index: 2, count: 4 }],
		["1/1", { index: 1, count: 1 }],
		["0/4", "--shard takes I/N with 1 <= I <= N"],
		["5/4", "--shard takes I/N with 1 <= I <= N"],
		["two", "--shard takes I/N with 1 <= I <= N"],
	])("--shard %s", (text, expected) => {
		const parsed = parseShard(text);
		if (typeof expected === "string") expect(parsed).toContain(expected);
		else expect(parsed).toEqual(expected);
	});
});
