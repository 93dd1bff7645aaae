/**
 * `npm run check`: checks all content (every rule of the content model, photos included)
 * without building, prints every problem, and exits non-zero on any. Fast enough for a
 * pre-commit hook.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../content/load.ts";
import { counted, formatProblems } from "../problems.ts";

const started = performance.now();
const contentDir = path.resolve(process.argv[2] ?? "content");
const { catalog, problems } = await loadContent({ contentDir, includeUnpublished: true });
const ms = Math.round(performance.now() - started);

if (!catalog) {
	process.stderr.write(
		`${formatProblems(problems, `fix ${problems.length === 1 ? "it" : "them"} and run \`npm run check\` again (${String(ms)} ms).`)}\n`,
	);
	process.exit(1);
}
const count = (status: string) => catalog.articles.filter((a) => a.status === status).length;
process.stdout.write(
	`Content is sound: ${counted(catalog.articles.length, "article")} (${String(count("published"))} published, ${counted(count("draft"), "draft")}, ${String(count("scheduled"))} scheduled), checked in ${String(ms)} ms.\n`,
);
