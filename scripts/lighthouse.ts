/**
 * `npm run lighthouse`: builds the site, serves it on localhost, runs Lighthouse (mobile, its
 * default throttling) in Debian's Chromium against the article page, and prints the four
 * category scores with LCP, CLS and TBT. Set CHROMIUM_PATH to use another browser.
 */
import path from "node:path";
import { spawnSync } from "node:child_process";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/chromium.ts";
import { serveStatic } from "../tests/static-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PAGE = process.argv[2] ?? "/articles/osorio-to-leave-mexico/";

const build = spawnSync(
	process.execPath,
	["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts"],
	{
		cwd: ROOT,
		stdio: "inherit",
	},
);
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await serveStatic(path.join(ROOT, "_site"));
const chrome = await chromeLauncher.launch({
	chromePath: CHROMIUM,
	chromeFlags: CHROMIUM_ARGS,
});
try {
	const result = await lighthouse(site.origin + PAGE, {
		port: chrome.port,
		output: "json",
		logLevel: "error",
	});
	if (!result) throw new Error("Lighthouse returned no result");
	const { categories, audits } = result.lhr;
	const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100));
	const audit = (id: string) => audits[id]?.displayValue ?? "n/a";
	console.log(
		`Lighthouse ${result.lhr.lighthouseVersion}, ${result.lhr.configSettings.formFactor}, ${PAGE}`,
	);
	console.log(
		`performance ${score("performance")}  accessibility ${score("accessibility")}  best-practices ${score("best-practices")}  seo ${score("seo")}`,
	);
	console.log(
		`LCP ${audit("largest-contentful-paint")}  CLS ${audit("cumulative-layout-shift")}  TBT ${audit("total-blocking-time")}`,
	);
	for (const [id, category] of Object.entries(categories)) {
		for (const ref of category.auditRefs) {
			const a = audits[ref.id];
			if (ref.weight > 0 && a && a.score !== null && a.score < 1)
				console.log(`  ${id}: ${a.id} (${String(a.score)}) ${a.title}`);
		}
	}
} finally {
	chrome.kill();
	await site.close();
}
