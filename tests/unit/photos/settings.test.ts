import { describe, expect, test } from "vitest";
import {
	CROP_WIDTH,
	WIDTHS,
	cropBox,
	masterWidth,
	widthLadder,
} from "../../../src/photos/settings.ts";

describe("widthLadder", () => {
	test.each([
		[2400, [320, 480, 640, 960, 1280, 1600]],
		[1600, [320, 480, 640, 960, 1280, 1600]],
		[1200, [320, 480, 640, 960, 1200]],
		[1000, [320, 480, 640, 1000]],
		[970, [320, 480, 640, 970]],
		[330, [330]],
		[96, [96]],
	])("a %i px photo gets %j: never upscaled, its own width on top", (width, ladder) => {
		expect(widthLadder(width)).toEqual(ladder);
	});
});

describe("cropBox", () => {
	test.each([
		[
			"16:9 centred",
			1800,
			1200,
			[16, 9],
			undefined,
			{ left: 0, top: 94, width: 1800, height: 1013 },
		],
		[
			"16:9 at the top",
			1800,
			1200,
			[16, 9],
			[0.5, 0],
			{ left: 0, top: 0, width: 1800, height: 1013 },
		],
		[
			"1:1 at the right edge",
			1800,
			1200,
			[1, 1],
			[1, 0.5],
			{ left: 600, top: 0, width: 1200, height: 1200 },
		],
		[
			"4:3 of a portrait, low",
			1200,
			1800,
			[4, 3],
			[0.5, 0.9],
			{ left: 0, top: 900, width: 1200, height: 900 },
		],
		[
			"1:1 of a square",
			500,
			500,
			[1, 1],
			[0.2, 0.2],
			{ left: 0, top: 0, width: 500, height: 500 },
		],
	] as const)("%s", (_name, width, height, ratio, focus, box) => {
		expect(cropBox(width, height, ratio, focus)).toEqual(box);
	});
});

describe("masterWidth", () => {
	const settings = { widths: WIDTHS, cropWidth: CROP_WIDTH };
	test.each([
		["a wide photo keeps a short side of at least the crop width", 6000, 4000, 1800],
		["a panorama is kept whole: its short side is under the crop width", 6000, 1000, 6000],
		["a portrait takes the top width, its short side past the crop width", 3000, 6000, 1600],
		["a small photo is never enlarged", 800, 600, 800],
	])("%s", (_name, width, height, master) => {
		expect(masterWidth(width, height, settings)).toBe(master);
	});
});
