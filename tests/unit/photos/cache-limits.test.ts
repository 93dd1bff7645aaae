/**
 * A warm cache of 20,000 photos was encoded again from scratch: its manifests were all read at
 * once, past the open-file limit, and EMFILE was taken for a missing entry. Reads are bounded
 * now, and only a file that is not there is a miss.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";

const state = vi.hoisted(() => ({ open: 0, most: 0, fail: "" }));

vi.mock("node:fs/promises", async (importOriginal) => {
	const actual = await importOriginal<typeof import("node:fs/promises")>();
	return {
		...actual,
		readFile: async (...args: Parameters<typeof actual.readFile>) => {
			state.open++;
			state.most = Math.max(state.most, state.open);
			try {
				await new Promise((r) => setTimeout(r, 1));
				if (state.fail) throw Object.assign(new Error(state.fail), { code: state.fail });
				return await actual.readFile(...args);
			} finally {
				state.open--;
			}
		},
	};
});

const { readManifest, writeManifest } = await import("../../../src/photos/cache.ts");

afterEach(() => {
	state.fail = "";
	state.most = 0;
});

describe("reading the photo cache at archive scale", () => {
	test("thousands of manifests asked for at once are read a bounded number at a time", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-cache-"));
		const entry = path.join(dir, "entry");
		await mkdir(entry);
		await writeManifest(entry, { files: [] });
		const all = await Promise.all(Array.from({ length: 2000 }, () => readManifest(entry)));
		expect(all.every((m) => m !== undefined)).toBe(true);
		expect(state.most).toBeLessThanOrEqual(64);
	});

	test("a system that refuses to open a file is an error, never a missing entry to make again", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-cache-"));
		state.fail = "EMFILE";
		await expect(readManifest(path.join(dir, "entry"))).rejects.toThrow("EMFILE");
		state.fail = "ENOENT";
		expect(await readManifest(path.join(dir, "entry"))).toBeUndefined();
	});
});
