import { readdir, truncate } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { beforeAll, describe, expect, test, vi } from "vitest";
import photosPlugin, { type PhotosEvent } from "../../../src/photos/plugin.ts";
import type { Problem } from "../../../src/problems.ts";
import { photo, use, workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

/** The plugin registered on a stand-in config; returns its two listeners. */
function register() {
	const handlers = new Map<string, (event: PhotosEvent) => Promise<unknown>>();
	const emitted: [string, unknown][] = [];
	const config = {
		on: (name: string, fn: (event: PhotosEvent) => Promise<unknown>) => handlers.set(name, fn),
		events: {
			emit: (name: string, payload: unknown) => {
				emitted.push([name, payload]);
				return Promise.resolve([]);
			},
		},
	};
	photosPlugin(config as unknown as UserConfig, {
		widths: [64],
		cropWidth: 50,
		progress: "none",
	});
	return {
		prepare: (event: PhotosEvent) =>
			handlers.get("dateline.catalog")?.(event) as Promise<Problem[]>,
		publish: (event: PhotosEvent) => handlers.get("dateline.publish")?.(event),
		emitted,
	};
}

describe("the photo plugin", () => {
	test("makes every use's files in the cache, then publishes them under the site's path", async () => {
		const input = path.join(dir, "site", "content");
		const file = await photo(dir, "lead.jpg", 120, 80);
		const lead = await use(file);
		const event: PhotosEvent = {
			photos: [lead],
			basePath: "/d",
			directories: { input, output: path.join(dir, "site", "_site") },
			preview: false,
		};
		const plugin = register();
		expect(await plugin.prepare(event)).toEqual([]);
		expect(lead.photo.rendition).toBeUndefined();
		await plugin.publish(event);
		expect(lead.photo.href).toMatch(/^\/d\/img\/[0-9a-f]{16}-64\.jpg$/);
		expect((await readdir(path.join(dir, "site", "_site", "img"))).length).toBe(3 + 3);
		// The ladder, the crops, and the index of source hashes.
		expect((await readdir(path.join(dir, "site", ".cache", "photos"))).sort()).toEqual([
			expect.stringMatching(/^[0-9a-f]{16}$/),
			expect.stringMatching(/^[0-9a-f]{16}$/),
			"index.json",
		]);
		expect(plugin.emitted).toEqual([
			[
				"dateline.photos",
				{
					files: 6,
					bytes: expect.any(Number) as number,
					host: undefined,
					dir: path.join(dir, "site", "_site", "img"),
					copied: 6,
				},
			],
		]);
	});

	test("returns the problems of photos that do not decode", async () => {
		const file = await photo(dir, "cut.jpg", 400, 300);
		await truncate(file, 1500);
		const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
		const problems = await register().prepare({
			photos: [await use(file)],
			basePath: "",
			directories: {
				input: path.join(dir, "cut", "content"),
				output: path.join(dir, "cut", "_site"),
			},
			preview: false,
		});
		stderr.mockRestore();
		expect(problems).toEqual([
			expect.objectContaining({ file: "content/articles/a/index.md", line: 4 }) as Problem,
		]);
	});
});
