/**
 * `npm run check`: checks all content (every rule of the content model, photos included)
 * without building, prints every problem, and exits non-zero on any. Fast enough for a
 * pre-commit hook. Tags that tags.yaml does not name are noted, not refused.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadContent } from "../content/load.ts";
import { formatTagNotes } from "../content/tag-notes.ts";
import { counted, formatProblems } from "../problems.ts";

const USAGE = `Usage: npm run check [-- <content folder>]

Checks every article, data file and photo under the content folder (default: content) the way
the build does, without building. Prints every problem with its file and line and exits 1 on
any; tags that tags.yaml does not name are noted, and do not fail the check.
`;

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: { help: { type: "boolean", short: "h" } },
	});
} catch (error) {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
	process.exit(1);
}
if (args.values.help) {
	process.stdout.write(USAGE);
	process.exit(0);
}

const started = performance.now();
const contentDir = path.resolve(args.positionals[0] ?? "content");
const result = await loadContent({ contentDir, includeUnpublished: true });
const { catalog, problems } = result;
const ms = Math.round(performance.now() - started);

const notes = formatTagNotes(result.unnamedTags(), result.tagsFile);
if (notes.length > 0) process.stdout.write(`${notes.join("\n")}\n`);
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
