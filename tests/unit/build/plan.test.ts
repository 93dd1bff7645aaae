import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildKey, planBuild, statePath, type BuildState } from "../../../src/build/plan.ts";

async function project() {
	const dir = await mkdtemp(path.join(tmpdir(), "dateline-plan-"));
	const content = path.join(dir, "content");
	await mkdir(path.join(content, "_data"), { recursive: true });
	await writeFile(path.join(content, "_data", "site.yaml"), "name: Gazette\n");
	const output = path.join(dir, "_site");
	return { dir, content, output, stateFile: statePath(dir, output) };
}

describe("the build plan", () => {
	test("the first build is full; the next, with the record kept, is incremental", async () => {
		const p = await project();
		const first = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: p.stateFile,
		});
		expect(first.full).toBe(true);
		first.pages = { "a/index.html": "sig" };
		await first.save();
		await mkdir(p.output);
		const second = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: p.stateFile,
		});
		expect(second.full).toBe(false);
		expect(second.previous).toEqual({ "a/index.html": "sig" });
		const asked = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: p.stateFile,
			full: true,
		});
		expect(asked.full).toBe(true);
		expect(asked.previous).toEqual({});
	});

	test("a changed data file, a missing output folder or a forgotten record make it full", async () => {
		const p = await project();
		const first = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: p.stateFile,
		});
		await first.save();
		expect(
			(
				await planBuild({
					contentDir: p.content,
					outputDir: p.output,
					stateFile: p.stateFile,
				})
			).full,
		).toBe(true);
		await mkdir(p.output);
		await writeFile(path.join(p.content, "_data", "site.yaml"), "name: Other\n");
		expect(
			(
				await planBuild({
					contentDir: p.content,
					outputDir: p.output,
					stateFile: p.stateFile,
				})
			).full,
		).toBe(true);
		const kept = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: p.stateFile,
		});
		await kept.save();
		expect(
			(
				await planBuild({
					contentDir: p.content,
					outputDir: p.output,
					stateFile: p.stateFile,
				})
			).full,
		).toBe(false);
		await kept.forget();
		expect(
			(
				await planBuild({
					contentDir: p.content,
					outputDir: p.output,
					stateFile: p.stateFile,
				})
			).full,
		).toBe(true);
	});

	test("the key covers every data file, byte for byte, and only them", async () => {
		const p = await project();
		const key = buildKey(p.content);
		await mkdir(path.join(p.content, "articles", "a"), { recursive: true });
		await writeFile(path.join(p.content, "articles", "a", "index.md"), "---\n---\n");
		expect(buildKey(p.content)).toBe(key);
		await writeFile(path.join(p.content, "_data", "tags.yaml"), "mexico: {name: Mexico}\n");
		expect(buildKey(p.content)).not.toBe(key);
	});

	test("without a state file the record lives in memory, as the preview server keeps it", async () => {
		const p = await project();
		await mkdir(p.output);
		const memory: { state?: BuildState } = {};
		const first = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: undefined,
			memory,
		});
		first.pages = { "x.html": "1" };
		await first.save();
		const second = await planBuild({
			contentDir: p.content,
			outputDir: p.output,
			stateFile: undefined,
			memory,
		});
		expect(second.full).toBe(false);
		expect(second.previous).toEqual({ "x.html": "1" });
	});

	test("each output folder has its own record", async () => {
		const p = await project();
		expect(statePath(p.dir, p.output)).not.toBe(statePath(p.dir, `${p.output}-2`));
		expect(statePath(p.dir, p.output)).toMatch(/\.cache\/build\/[0-9a-f]{16}\.json$/);
	});
});
