import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
	USAGE,
	headlineProblems,
	scaffold,
	slugify,
	tagList,
	tagProblems,
} from "../../../src/cli/new-article.ts";
import { ROOT, fixtureSite } from "../../helpers.ts";
import { parseArticle } from "../../../src/content/parse.ts";
import type { Problem } from "../../../src/problems.ts";

describe("npm run new", () => {
	test.each([
		["Osorio to leave Mexican national team", "osorio-to-leave-mexican-national-team"],
		["Pékerman’s Colombia: what next?", "pekermans-colombia-what-next"],
		["  2018 — World Cup  ", "2018-world-cup"],
		["¡¿!", ""],
	])("the slug of %j is %j", (headline, slug) => {
		expect(slugify(headline)).toBe(slug);
	});

	test("a slug stops at a whole word within the limit", () => {
		expect(slugify("one two three four", 10)).toBe("one-two");
	});

	test("the scaffold is a draft the content check accepts", () => {
		const problems: Problem[] = [];
		const draft = parseArticle(
			scaffold({
				title: 'Mexico names "interim" coach',
				date: "2018-07-27T09:00:00-05:00",
				author: "goal-staff",
				section: "national-teams",
				photo: "replace-me.png",
				tags: ["mexico", "jaime-lozano"],
			}),
			"/x/content/articles/mexico-names-interim-coach/index.md",
			"content/articles/mexico-names-interim-coach/index.md",
			problems,
		);
		expect(problems).toEqual([]);
		expect(draft?.data).toMatchObject({
			title: 'Mexico names "interim" coach',
			draft: true,
			authors: ["goal-staff"],
			tags: ["mexico", "jaime-lozano"],
			image: { src: "replace-me.png" },
		});
	});
});

/** `npm run new` in a copy of the fixture site, with the arguments given. */
async function runNew(args: string[], nested?: string) {
	const site = await fixtureSite();
	if (nested) {
		const dir = path.join(site.content, "articles", "2018", nested);
		await mkdir(dir, { recursive: true });
		await writeFile(path.join(dir, "index.md"), "---\n---\n");
	}
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, "src", "cli", "new-article.ts"), ...args],
		{ cwd: site.dir, encoding: "utf8", timeout: 30_000 },
	);
	return { ...result, site, articles: await readdir(path.join(site.content, "articles")) };
}

describe("npm run new checks its arguments before writing anything", () => {
	test.each([
		["Short", ['The headline must be 10 to 110 characters; found "Short" (5 characters).']],
		[
			"x".repeat(111),
			[
				expect.stringMatching(
					/^The headline must be 10 to 110 characters; found "x{57}\.\.\." \(111 characters\)\.$/,
				) as string,
			],
		],
		["Osorio to leave Mexican national team", []],
	])("the headline %j", (title, problems) => {
		expect(headlineProblems(title)).toEqual(problems);
	});

	test.each([
		["mexico, jaime-lozano", ["mexico", "jaime-lozano"], []],
		["", [], []],
		[
			"Mexico,mexico,mexico",
			["Mexico", "mexico", "mexico"],
			[
				'--tags: "Mexico" must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018.',
				'--tags: "mexico" must not repeat a tag; `mexico` appears twice.',
			],
		],
	])("the tags %j", (given, tags, problems) => {
		expect(tagList(given)).toEqual(tags);
		expect(tagProblems(tags)).toEqual(problems);
	});

	test("a headline the check would refuse: the message, exit 1, nothing written", async () => {
		const result = await runNew(["Short", "--author", "desk", "--section", "news"]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			'The headline must be 10 to 110 characters; found "Short" (5 characters).\nNothing was written.\n',
		);
		expect(result.articles.sort()).toEqual([
			"draft-story",
			"first-story",
			"future-story",
			"second-story",
		]);
	});

	test("--help prints the usage and exits 0; an unknown option prints it after the error", async () => {
		const help = await runNew(["--help"]);
		expect(help.status).toBe(0);
		expect(help.stdout).toBe(USAGE);
		const wrong = await runNew(["--auther", "desk"]);
		expect(wrong.status).toBe(1);
		expect(wrong.stderr).toContain("Unknown option '--auther'");
		expect(wrong.stderr).toContain(USAGE);
	});

	test("a tag tags.yaml does not name is written, with a note on what pages will show", async () => {
		const result = await runNew([
			"Jaime Lozano named interim coach",
			"--author",
			"desk",
			"--section",
			"news",
			"--tags",
			"jaime-lozano",
		]);
		expect(result.stderr).toBe("");
		expect(result.stdout).toContain(
			'\nNote: the tag `jaime-lozano` is not in tags.yaml, so pages show it as "Jaime lozano"; to name it, add `jaime-lozano: { name: "Jaime Lozano" }` to content/_data/tags.yaml.\n',
		);
		expect(
			existsSync(
				path.join(
					result.site.content,
					"articles",
					"jaime-lozano-named-interim-coach",
					"index.md",
				),
			),
		).toBe(true);
	});

	test("a slug an article already has, in any folder, is refused", async () => {
		const taken = await runNew(["First story", "--author", "desk", "--section", "news"]);
		expect(taken.status).toBe(1);
		expect(taken.stderr).toBe(
			"content/articles/first-story already exists, and slugs are unique; choose another headline. Nothing was written.\n",
		);
		const nested = await runNew(
			["Only in a subfolder", "--author", "desk", "--section", "news"],
			"only-in-a-subfolder",
		);
		expect(nested.status).toBe(1);
		expect(nested.stderr).toContain("content/articles/2018/only-in-a-subfolder already exists");
	});
});
