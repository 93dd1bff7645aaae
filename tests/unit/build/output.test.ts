import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { asidePath, checkOutput, dropAside, setAside } from "../../../src/build/output.ts";

describe("the output folder through a full build", () => {
	test("the last site waits aside while the new one is written, and goes once it is done", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-output-"));
		const output = path.join(dir, "_site");
		await mkdir(output);
		await writeFile(path.join(output, "index.html"), "old");
		await setAside(output, path.join(dir, "content"));
		expect(existsSync(output)).toBe(false);
		expect(await readFile(path.join(asidePath(output), "index.html"), "utf8")).toBe("old");
		await dropAside();
		expect(existsSync(asidePath(output))).toBe(false);
	});

	test("refuses an output folder that holds the project or the content", () => {
		expect(() => checkOutput(process.cwd(), "/elsewhere/content")).toThrow("holds the project");
		expect(() => checkOutput("/tmp/x", "/tmp/x/content")).toThrow(
			"holds the project or its content",
		);
		expect(() => checkOutput("/", "/srv/content")).toThrow();
		expect(checkOutput("/tmp/site", "/srv/content")).toBe("/tmp/site");
	});
});
