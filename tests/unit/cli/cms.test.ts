/**
 * `npm run cms` on free ports over a copy of the fixture site: the preview serves /admin/ with
 * decap-server as its backend, decap-server answers on the loopback for the folder that holds
 * the content, and stopping the command stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT, fixtureSite } from "../../helpers.ts";
import { freePort } from "../../preview-server.ts";

let cms: ChildProcess | undefined;

async function poll<T>(probe: () => Promise<T>, ms = 60_000): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		try {
			return await probe();
		} catch (error) {
			if (Date.now() > end) throw error;
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

afterAll(() => {
	cms?.kill("SIGTERM");
});

test("serves /admin/ over decap-server, and stops both together", async () => {
	const site = await fixtureSite();
	const [port, proxyPort] = [await freePort(), await freePort()];
	cms = spawn(
		process.execPath,
		[
			path.join(ROOT, "src", "cli", "cms.ts"),
			`--input=${site.content}`,
			`--output=${site.output}`,
			`--port=${String(port)}`,
			`--proxy-port=${String(proxyPort)}`,
		],
		{ cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
	);
	let log = "";
	cms.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
	cms.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));

	const proxy = `http://127.0.0.1:${String(proxyPort)}/api/v1`;
	const config = await poll(async () => {
		const response = await fetch(`http://localhost:${String(port)}/admin/config.yml`);
		if (!response.ok) throw new Error(`${String(response.status)}\n${log}`);
		return response.text();
	});
	expect(config).toContain(`backend:\n  name: proxy\n  proxy_url: ${proxy}\n`);
	expect(config).not.toContain("publish_mode");
	expect(log).toContain(`The CMS is at http://localhost:${String(port)}/admin/`);

	const info = await poll(async () => {
		const response = await fetch(proxy, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ action: "info" }),
		});
		return (await response.json()) as { repo: string; type: string };
	});
	expect(info).toEqual({
		repo: path.basename(site.dir),
		publish_modes: ["simple"],
		type: "local_fs",
	});

	const exited = new Promise<number | null>((resolve) => cms?.on("exit", resolve));
	cms.kill("SIGTERM");
	expect(await exited).toBe(0);
	await expect(fetch(proxy, { method: "POST" })).rejects.toThrow();
}, 90_000);
