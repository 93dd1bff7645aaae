import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import {
	decodeMaster,
	encode,
	placeholderColour,
	plannedOutputs,
} from "../../../src/photos/encode.ts";
import { options, photo, workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

describe("decoding once, encoding many", () => {
	test("the master is oriented, in sRGB, at the largest width any output needs", async () => {
		const file = await photo(dir, "master.jpg", 400, 300);
		const opts = options(dir, "master");
		const master = await decodeMaster({ file, width: 400, height: 300, format: "JPEG" }, opts);
		// Crops need a short side of 100: 400 * 100 / 300 = 133.
		expect(master.raw).toEqual({ width: 133, height: 100, channels: 3 });
		expect(await placeholderColour(master)).toMatch(/^#[0-9a-f]{6}$/);
	});

	test("a ladder entry plans every width in three formats; a crop entry three crops", async () => {
		const file = await photo(dir, "plan.jpg", 300, 200);
		const opts = options(dir, "plan");
		const master = await decodeMaster({ file, width: 300, height: 200, format: "JPEG" }, opts);
		const ladder = plannedOutputs({ key: "k", dir: "/d" }, master, opts);
		expect(ladder.map((o) => o.name)).toEqual([
			"k-64.avif",
			"k-64.webp",
			"k-64.jpg",
			"k-128.avif",
			"k-128.webp",
			"k-128.jpg",
		]);
		const crops = plannedOutputs(
			{ key: "c", dir: "/d", crops: { focus: [0.5, 0.5] } },
			master,
			opts,
		);
		expect(crops.map((o) => [o.name, o.width, o.height])).toEqual([
			["c-16x9-100.jpg", 100, 56],
			["c-4x3-100.jpg", 100, 75],
			["c-1x1-100.jpg", 100, 100],
		]);
	});

	test("an output carries the credit in XMP and nothing of the camera", async () => {
		const file = await photo(dir, "credit.jpg", 200, 100);
		const opts = options(dir, "credit");
		const master = await decodeMaster({ file, width: 200, height: 100, format: "JPEG" }, opts);
		const out = await encode(master, { credit: "Ana Ruiz", agency: "EFE" }, opts, {
			dir,
			name: "credit-64.webp",
			format: "webp",
			width: 64,
		});
		expect(out).toMatchObject({
			name: "credit-64.webp",
			format: "webp",
			width: 64,
			height: 32,
		});
		const meta = await sharp(path.join(dir, "credit-64.webp")).metadata();
		expect(meta.xmp?.toString()).toContain("<photoshop:Credit>Ana Ruiz/EFE</photoshop:Credit>");
	});
});
