import { link, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { failureMessage, isPhoto, photoInspector } from "../../../src/photos/inspect.ts";
import { photo, workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

describe("reading a photo's header", () => {
	test("size, format and orientation; a rotated photo is measured as it is shown", async () => {
		const inspect = photoInspector();
		const turned = await photo(dir, "turned.jpg", 240, 160, (s) =>
			s.jpeg().withMetadata({ orientation: 6 }),
		);
		expect(await inspect(turned)).toEqual({
			file: turned,
			width: 160,
			height: 240,
			format: "JPEG",
		});
	});

	test.each([
		[
			"missing",
			"none.jpg",
			"names x, which does not exist; put the photo there or fix the name",
		],
		["a folder", "folder", "names x, which is not a file"],
		["a GIF", "anim.gif", "names x, which is GIF; expected JPEG, PNG, WebP or AVIF"],
		["not an image", "text.jpg", "names x, which is not a readable image ("],
	])("%s is not a photo, and the message says why", async (_name, name, message) => {
		await mkdir(path.join(dir, "folder"), { recursive: true });
		await writeFile(path.join(dir, "text.jpg"), "not a photo");
		await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
			.gif()
			.toFile(path.join(dir, "anim.gif"));
		const found = await photoInspector()(path.join(dir, name));
		expect(isPhoto(found)).toBe(false);
		if (!isPhoto(found)) expect(failureMessage(found, "x")).toContain(message);
	});

	test("a photo past the pixel limit is refused from its header, with its size and the limit", async () => {
		const file = await photo(dir, "wide.png", 400, 300, (s) => s.png());
		const found = await photoInspector(100_000)(file);
		expect(found).toEqual({ kind: "too-large", width: 400, height: 300, limit: 100_000 });
		if (!isPhoto(found))
			expect(failureMessage(found, "x")).toBe(
				"names x, which is 400 x 300 pixels (0 megapixels); the most Dateline accepts is 0 megapixels: export a smaller version",
			);
	});

	test.each([
		["JPEG", "cut.jpg", (s: Sharp) => s.jpeg()],
		["WebP", "cut.webp", (s: Sharp) => s.webp()],
	])(
		"a %s cut short is refused as cut short, header readable or not",
		async (format, name, encode) => {
			const file = await photo(dir, name, 200, 150, encode);
			const bytes = await readFile(file);
			await writeFile(file, bytes.subarray(0, bytes.length >> 1));
			const found = await photoInspector()(file);
			expect(found).toEqual({ kind: "cut-short", format });
			if (!isPhoto(found))
				expect(failureMessage(found, "x")).toBe(
					`names x, which is cut short: the ${format} file ends before its image does (an interrupted download or copy?); copy or export it again`,
				);
		},
	);

	test("a file under two names is read once", async () => {
		const first = await photo(dir, "once.jpg", 40, 30);
		const second = path.join(dir, "once-again.jpg");
		await link(first, second);
		const spy = vi.spyOn(sharp.prototype, "metadata");
		const inspect = photoInspector();
		const [a, b] = await Promise.all([inspect(first), inspect(second)]);
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockRestore();
		expect(a).toMatchObject({ file: first, width: 40 });
		expect(b).toMatchObject({ file: second, width: 40 });
	});
});
