/**
 * The preview server answers every request: an address that climbs out of the site once decoded
 * (`/..%2f..%2fetc/passwd`) or whose percent-encoding is broken gets 400 at once, where Eleventy
 * Dev Server alone never answered (https://github.com/11ty/dev-server/issues/150).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, fixtureSite } from "../helpers.ts";
import { freePort } from "../preview-server.ts";

const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");

let server: ChildProcess | undefined;
let port = 0;
let log = "";

/** GETs a raw path (no client-side normalisation); "no answer" when none comes in 5 s. */
function get(rawPath: string): Promise<{ status: number; body: string } | "no answer"> {
	return new Promise((resolve) => {
		const req = request({ host: "127.0.0.1", port, path: rawPath, timeout: 5000 }, (res) => {
			let body = "";
			res.on("data", (chunk: Buffer) => (body += chunk.toString()));
			res.on("end", () => {
				resolve({ status: res.statusCode ?? 0, body });
			});
		});
		req.on("timeout", () => {
			req.destroy();
			resolve("no answer");
		});
		req.on("error", () => {
			resolve("no answer");
		});
		req.end();
	});
}

beforeAll(async () => {
	const site = await fixtureSite();
	port = await freePort();
	server = spawn(
		process.execPath,
		[
			ELEVENTY,
			"--config=.eleventy.ts",
			`--output=${site.output}`,
			"--serve",
			`--port=${String(port)}`,
		],
		{
			cwd: ROOT,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, DATELINE_CONTENT: site.content },
		},
	);
	server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
	server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const home = await get("/");
		if (home !== "no answer" && home.status === 200) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`the preview never served the home page:\n${log}`);
}, 90_000);

afterAll(() => {
	server?.kill();
});

describe("the preview server answers every request", () => {
	test.each([
		["/..%2f..%2f..%2fetc%2fpasswd", "the address climbs out of the site"],
		["/articles/..%2F..%2F..%2F..%2Fetc/passwd", "the address climbs out of the site"],
		["/%E0%A4%A", "the address holds a broken percent-encoding"],
	])("%s gets 400: %s", async (rawPath, why) => {
		const answer = await get(rawPath);
		expect(answer, log).not.toBe("no answer");
		expect(answer).toMatchObject({ status: 400 });
		expect(answer === "no answer" ? "" : answer.body).toContain(why);
	});

	test("pages are still served, and a missing one is a 404", async () => {
		expect(await get("/articles/first-story/")).toMatchObject({ status: 200 });
		expect(await get("/articles/nothing-here/")).toMatchObject({ status: 404 });
	});
});
