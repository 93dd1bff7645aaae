import { describe, expect, test } from "vitest";
import type { Manifest } from "../../../src/photos/cache.ts";
import { decodeEntry, encodeEntry } from "../../../src/photos/packed.ts";

const KEY = "0123456789abcdef";

describe("manifests packed for the cache index", () => {
	test.each<[string, Manifest]>([
		[
			"a ladder with its placeholder",
			{
				placeholder: "#a1b2c3",
				files: [
					{
						name: `${KEY}-320.avif`,
						format: "avif",
						width: 320,
						height: 213,
						bytes: 9000,
					},
					{
						name: `${KEY}-320.webp`,
						format: "webp",
						width: 320,
						height: 213,
						bytes: 12000,
					},
					{
						name: `${KEY}-320.jpg`,
						format: "jpeg",
						width: 320,
						height: 213,
						bytes: 15000,
					},
				],
			},
		],
		[
			"crops on a photo host",
			{
				remote: "https://img.example.org/",
				files: [
					{
						name: `${KEY}-16x9-1200.jpg`,
						format: "jpeg",
						width: 1200,
						height: 675,
						bytes: 1,
						ratio: "16:9",
					},
					{
						name: `${KEY}-4x3-1200.jpg`,
						format: "jpeg",
						width: 1200,
						height: 900,
						bytes: 2,
						ratio: "4:3",
					},
					{
						name: `${KEY}-1x1-1200.jpg`,
						format: "jpeg",
						width: 1200,
						height: 1200,
						bytes: 3,
						ratio: "1:1",
					},
				],
			},
		],
		[
			"a file named otherwise",
			{ files: [{ name: "other.webp", format: "webp", width: 1, height: 1, bytes: 1 }] },
		],
	])("%s comes back as it went in", (_name, manifest) => {
		const packed = encodeEntry(KEY, manifest);
		expect(decodeEntry(KEY, JSON.parse(JSON.stringify(packed)) as typeof packed)).toEqual(
			manifest,
		);
		expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(manifest).length / 2);
	});
});
