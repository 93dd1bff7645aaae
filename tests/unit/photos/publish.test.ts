import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { PreparedPhotos } from "../../../src/photos/prepare.ts";
import { publishPhotos } from "../../../src/photos/publish.ts";
import type { PhotoUse, Rendition } from "../../../src/photos/types.ts";
import { workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

const RENDITION: Rendition = {
	placeholder: "#000000",
	sources: [],
	fallback: { href: "/d/img/k-64.jpg", srcset: "/d/img/k-64.jpg 64w", width: 64, height: 48 },
	crops: [],
};

describe("publishing photos", () => {
	test("copies into the folder, skips what is there, and hands each photo its largest JPEG", async () => {
		const cache = path.join(dir, "cache");
		await mkdir(cache, { recursive: true });
		await writeFile(path.join(cache, "k-64.jpg"), "jpeg");
		const use = {
			photo: {
				file: "/c/a.jpg",
				width: 64,
				height: 48,
				format: "JPEG",
				href: "/d/articles/a/a.jpg",
			},
		} as PhotoUse;
		const prepared: PreparedPhotos = {
			renditions: new Map([[use, RENDITION]]),
			files: new Map([[cache, ["k-64.jpg"]]]),
			totals: { files: 1, bytes: 4 },
			problems: [],
			stats: {
				photos: 1,
				uses: 1,
				encoded: 0,
				cached: 1,
				files: 0,
				copied: 0,
				read: 0,
				ms: 0,
			},
		};
		const output = path.join(dir, "_site", "img");
		expect(await publishPhotos(prepared, output)).toBe(1);
		expect(await readdir(output)).toEqual(["k-64.jpg"]);
		expect(use.photo.rendition).toBe(RENDITION);
		expect(use.photo.href).toBe("/d/img/k-64.jpg");
		expect(await publishPhotos(prepared, output)).toBe(0);
		expect(prepared.stats.copied).toBe(0);
	});
});
