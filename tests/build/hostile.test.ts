/**
 * Hostile and careless content, one case a fixture: nothing an editor commits runs, leaks out of
 * content/, or crashes the check or the build. Each case is refused by `npm run check` with the
 * file, line and message; the cases marked `build` are refused by the build too, which writes
 * nothing.
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, existsSync, fixtureSite, readPage, runBuild } from "../helpers.ts";

type Site = Awaited<ReturnType<typeof fixtureSite>>;

interface Case {
	/** A fixture laid over the base site, or changes made to a copy of it. */
	setup: string | ((site: Site) => Promise<void>);
	/** `file:line` as the problem names it. */
	where: string;
	message: string;
	/** Also build, and expect the build to refuse the same way. */
	build?: boolean;
	/** Text that must not appear anywhere in what the editor sees. */
	absent?: string;
}

const FIRST = "articles/first-story";

/** Six levels of nine aliases each: 531,441 strings once expanded. */
const BOMB = [
	'a: &a ["l","l","l","l","l","l","l","l","l"]\n',
	...["b", "c", "d", "e", "f"].map(
		(name, i) =>
			`${name}: &${name} [${Array(9)
				.fill(`*${"abcde"[i] ?? ""}`)
				.join(",")}]\n`,
	),
].join("");

/** Rewrites part of one file of the site. */
function edit(file: string, from: string | RegExp, to: string) {
	return async (site: Site) => {
		const full = path.join(site.content, file);
		const text = await readFile(full, "utf8");
		const changed = text.replace(from, to);
		if (changed === text) throw new Error(`${file} does not hold ${String(from)}`);
		await writeFile(full, changed);
	};
}

/** Replaces a file of the site with a link to a copy of it outside content/. */
function linkOut(file: string) {
	return async (site: Site) => {
		const outside = path.join(site.dir, "outside", path.basename(file));
		await mkdir(path.dirname(outside), { recursive: true });
		await rename(path.join(site.content, file), outside);
		await symlink(outside, path.join(site.content, file));
	};
}

const OUTSIDE = "outside content/: Dateline reads nothing from outside the content folder; put the";

const CASES: [name: string, Case][] = [
	[
		"code beside an article is refused, never run",
		{
			setup: "refuse-code-in-content",
			where: `content/${FIRST}/pwn.11ty.js`,
			message:
				"this file is not part of the content model: beside an article's `index.md` go only its photos (JPEG, PNG, WebP or AVIF), and Dateline never runs or publishes anything else from content/; move it out of content/ or delete it",
			build: true,
		},
	],
	[
		"code in _data/ is refused, never run",
		{
			setup: "refuse-code-in-content",
			where: "content/_data/evil.js",
			message:
				"this file is not part of the content model: `_data/` holds only site.yaml, authors.yaml, sections.yaml and tags.yaml, and Dateline runs no code from content/; move it out of content/ or delete it",
		},
	],
	[
		"a JSON data file cannot replace the catalog",
		{
			setup: "refuse-code-in-content",
			where: "content/_data/dateline.json",
			message: "this file is not part of the content model: `_data/` holds only",
		},
	],
	[
		"a photo linked from outside content/",
		{
			setup: linkOut(`${FIRST}/photo.jpg`),
			where: `content/${FIRST}/photo.jpg`,
			message: OUTSIDE,
			build: true,
		},
	],
	[
		"an index.md linked from outside content/",
		{
			setup: linkOut(`${FIRST}/index.md`),
			where: `content/${FIRST}/index.md`,
			message: OUTSIDE,
		},
	],
	[
		"a logo linked from outside content/",
		{
			setup: linkOut("brand/logo.png"),
			where: "content/brand/logo.png",
			message: OUTSIDE,
		},
	],
	[
		"a data file linked from outside content/",
		{
			setup: linkOut("_data/authors.yaml"),
			where: "content/_data/authors.yaml",
			message: OUTSIDE,
		},
	],
	[
		"a whole article folder linked from outside content/",
		{
			setup: async (site) => {
				const outside = path.join(site.dir, "outside", "linked-story");
				await mkdir(path.dirname(outside), { recursive: true });
				await cp(path.join(site.content, FIRST), outside, { recursive: true });
				await rm(path.join(site.content, FIRST), { recursive: true });
				await symlink(outside, path.join(site.content, FIRST));
			},
			where: `content/${FIRST}`,
			message: OUTSIDE,
			build: true,
		},
	],
	[
		"a site URL with a user name and password",
		{
			setup: edit(
				"_data/site.yaml",
				/^url: .*$/m,
				"url: https://editor:s3cret@gazette.example/",
			),
			where: "content/_data/site.yaml:3",
			message:
				'`url` must not hold a user name or password: they would be published in every link, feed and sitemap; remove the `name:password@` before the host; found "https://…@gazette.example/"',
			build: true,
			absent: "s3cret",
		},
	],
	[
		"a site URL with a query",
		{
			setup: edit(
				"_data/site.yaml",
				/^url: .*$/m,
				"url: https://gazette.example/?utm_source=x",
			),
			where: "content/_data/site.yaml:3",
			message:
				"`url` must not hold a query (`?…`): every address of the site is made from it",
		},
	],
	[
		"a site URL with a fragment",
		{
			setup: edit("_data/site.yaml", /^url: .*$/m, "url: https://gazette.example/#top"),
			where: "content/_data/site.yaml:3",
			message:
				"`url` must not hold a fragment (`#…`): every address of the site is made from it",
		},
	],
	[
		"an author URL with a user name and password",
		{
			setup: edit(
				"_data/authors.yaml",
				"  role: Desk\n",
				"  role: Desk\n  url: https://ana:pw@x.example/\n",
			),
			where: "content/_data/authors.yaml:4",
			message: "`desk.url` must not hold a user name or password",
			absent: "ana:pw",
		},
	],
	[
		"an author id `__proto__` is refused, not dropped",
		{
			setup: edit(
				"_data/authors.yaml",
				"ana-writer:",
				"__proto__:\n  name: Proto\nana-writer:",
			),
			where: "content/_data/authors.yaml:4",
			message:
				"`__proto__` cannot be a name in Dateline: ids are lowercase ASCII words joined by hyphens, and fields are those of the content model; rename or remove it",
			build: true,
		},
	],
	[
		"a section id `__proto__` is refused, not dropped",
		{
			setup: edit("_data/sections.yaml", "sport:", "__proto__:\n  name: Proto\nsport:"),
			where: "content/_data/sections.yaml:4",
			message: "`__proto__` cannot be a name in Dateline",
		},
	],
	[
		"a tag id `__proto__` in tags.yaml is refused, not dropped",
		{
			setup: async (site) => {
				await writeFile(
					path.join(site.content, "_data", "tags.yaml"),
					"mexico:\n  name: Mexico\n__proto__:\n  name: Proto\n",
				);
			},
			where: "content/_data/tags.yaml:3",
			message: "`__proto__` cannot be a name in Dateline",
		},
	],
	[
		"a frontmatter field `__proto__` is refused, not dropped",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"  credit: Yuri Cortez\n",
				"  credit: Yuri Cortez\n  __proto__: {alt: x}\n",
			),
			where: `content/${FIRST}/index.md:15`,
			message: "`image.__proto__` cannot be a name in Dateline",
		},
	],
	[
		"an alias bomb with `!!js/function`",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"kicker: Exclusive\n",
				`kicker: Exclusive\nfn: !!js/function "function () {}"\n${BOMB}`,
			),
			where: `content/${FIRST}/index.md:4`,
			message:
				"the YAML tag `!!js/function` is not one Dateline reads: write the value as plain text, in quotes if it could be read as a number, a date or true/false",
			build: true,
		},
	],
	[
		"`!!binary` data as a field",
		{
			setup: edit(`${FIRST}/index.md`, "kicker: Exclusive", "kicker: !!binary aGVsbG8="),
			where: `content/${FIRST}/index.md:3`,
			message: "the YAML tag `!!binary` is not one Dateline reads",
		},
	],
	[
		"a tag in a data file",
		{
			setup: edit("_data/authors.yaml", "desk:", "desk: !!python/object:os.system"),
			where: "content/_data/authors.yaml:1",
			message: "the YAML tag `!!python/object:os.system` is not one Dateline reads",
		},
	],
	[
		"lists nested 10,000 deep",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"tags: [mexico, world-cup-2018]",
				`tags: ${"[".repeat(10_000)}${"]".repeat(10_000)}`,
			),
			where: `content/${FIRST}/index.md:9`,
			message:
				"the YAML nests lists or mappings more than 100 levels deep; no field of the content model nests more than three: remove the extra brackets or indentation",
		},
	],
	[
		"an alias bomb that parses is refused field by field, never expanded",
		{
			setup: edit(`${FIRST}/index.md`, "kicker: Exclusive\n", `${BOMB}kicker: *f\n`),
			where: `content/${FIRST}/index.md:9`,
			message: "`kicker` must be text; found a list of 9",
		},
	],
	[
		"a backspace in a headline",
		{
			setup: edit(
				`${FIRST}/index.md`,
				/^title: .*$/m,
				'title: "The first story \\b has a backspace in its headline"',
			),
			where: `content/${FIRST}/index.md:2`,
			message:
				"`title` must not hold the invisible control character `\\x08` (character 17): delete it; it breaks feeds and sitemaps",
			build: true,
		},
	],
	[
		"a NUL in a standfirst",
		{
			setup: edit(
				`${FIRST}/index.md`,
				/^description: .*$/m,
				'description: "A \\0 standfirst long enough to pass the fifty character minimum."',
			),
			where: `content/${FIRST}/index.md:4`,
			message:
				"`description` must not hold the invisible control character `\\x00` (character 3)",
		},
	],
	[
		"an escape sequence in a tag's name",
		{
			setup: async (site) => {
				await writeFile(
					path.join(site.content, "_data", "tags.yaml"),
					'mexico:\n  name: "Mexico \\e[31mred"\n',
				);
			},
			where: "content/_data/tags.yaml:2",
			message:
				"`mexico.name` must not hold the invisible control character `\\x1b` (character 8)",
		},
	],
	[
		"a raw control character in the frontmatter",
		{
			setup: edit(`${FIRST}/index.md`, "kicker: Exclusive", "kicker: Excl\u0007usive"),
			where: `content/${FIRST}/index.md:3`,
			message:
				"this line holds an invisible control character (`\\x07`) at column 13; delete it: it cannot be read, and it breaks feeds and sitemaps",
		},
	],
	[
		"control characters in a body",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"The first paragraph of the body.",
				"The first paragraph\u000b of the body.\u0000\u001b[2J",
			),
			where: `content/${FIRST}/index.md:21`,
			message:
				"this line of the body holds an invisible control character (`\\x0b`) at column 20, and the body holds 2 more after it; delete them: they break feeds and sitemaps",
			build: true,
		},
	],
	[
		"an escape sequence in an unknown field is shown escaped, never run by the terminal",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"kicker: Exclusive\n",
				'kicker: Exclusive\n"\\e[2K\\rcontent/x.md  forged": 1\n',
			),
			where: `content/${FIRST}/index.md:4`,
			message: "`\\x1b[2K\\x0dcontent/x.md  forged` is not a field of the content model",
			absent: "\u001b",
			build: true,
		},
	],
	[
		"a folder name with an escape sequence and a newline is shown escaped",
		{
			setup: async (site) => {
				await rename(
					path.join(site.content, FIRST),
					path.join(site.content, "articles", "evil\u001b[31m\nforged"),
				);
			},
			where: "content/articles/evil\\x1b[31m\\x0aforged/index.md",
			message: "the folder name `evil\\x1b[31m\\x0aforged` is the article's slug",
			absent: "\u001b",
		},
	],
	[
		"40,000 broken photos in one body: twenty listed, the rest counted",
		{
			setup: async (site) => {
				const file = path.join(site.content, "articles", "second-story", "index.md");
				await writeFile(file, `${await readFile(file, "utf8")}\n${"![x\n".repeat(40_000)}`);
			},
			where: "content/articles/second-story/index.md",
			message:
				"...and 39,980 more problems in this file, not listed; fix the ones above and check again",
		},
	],
	[
		"a megabyte of repeated tags: twenty listed, the rest counted",
		{
			setup: edit(
				`${FIRST}/index.md`,
				"tags: [mexico, world-cup-2018]",
				`tags: [${"mexico, ".repeat(125_000)}world-cup-2018]`,
			),
			where: `content/${FIRST}/index.md`,
			message: "...and 124,979 more problems in this file, not listed",
		},
	],
	[
		"an update dated 2098 on a published article",
		{
			setup: edit(
				`${FIRST}/index.md`,
				/^updated: .*$/m,
				"updated: 2098-12-31T18:00:00-06:00",
			),
			where: `content/${FIRST}/index.md:6`,
			message:
				"`updated` must not be in the future: 2098-12-31T18:00:00-06:00 is more than an hour after this build",
			build: true,
		},
	],
	[
		"a correction dated 2099 on a published article",
		{
			setup: edit(`${FIRST}/index.md`, /^ {2}- date: .*$/m, "  - date: 2099-01-01T00:00:00Z"),
			where: `content/${FIRST}/index.md:17`,
			message:
				"`corrections[0].date` must not be in the future: 2099-01-01T00:00:00Z is more than an hour after this build",
		},
	],
	[
		"an update of a scheduled article dated after its publication",
		{
			setup: edit(
				"articles/future-story/index.md",
				"date: 2099-01-01T08:00:00Z\n",
				"date: 2099-01-01T08:00:00Z\nupdated: 2099-06-01T00:00:00Z\n",
			),
			where: "content/articles/future-story/index.md:5",
			message:
				"`updated` must not be in the future: 2099-06-01T00:00:00Z is more than an hour after the article's `date`",
		},
	],
];

/** Runs `npm run check` on a site's content, as an editor would. */
function runCheck(content: string) {
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, "src", "cli", "check.ts"), content],
		{ cwd: ROOT, encoding: "utf8", timeout: 60_000 },
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts an editor's view of a refusal: the line, the count, exit 1, no stack trace. */
function expectProblem(
	result: { status: number | null; stderr: string },
	where: string,
	message: string,
) {
	expect(result.status, result.stderr).toBe(1);
	const lines = result.stderr.split("\n").filter((line) => line.startsWith(`${where}  `));
	expect(
		lines.some((line) => line.includes(message)),
		result.stderr,
	).toBe(true);
	expect(result.stderr).toMatch(/\d+ problems? in \d+ files?/);
	expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe("nothing an editor commits runs, leaks or crashes the build", () => {
	test.each(CASES)("%s", async (_name, c) => {
		const site = await fixtureSite(typeof c.setup === "string" ? c.setup : undefined);
		if (typeof c.setup === "function") await c.setup(site);
		const check = runCheck(site.content);
		expectProblem(check, c.where, c.message);
		if (c.absent) expect(check.stderr + check.stdout).not.toContain(c.absent);
		expect(check.stderr.split("\n").length).toBeLessThan(60);
		if (!c.build) return;
		const build = runBuild(site.content, site.output);
		expectProblem(build, c.where, c.message);
		if (c.absent) expect(build.stderr + build.stdout).not.toContain(c.absent);
		expect(build.stderr).toMatch(/nothing was written\./);
		expect(existsSync(site.output)).toBe(false);
		expect(existsSync(path.join(site.dir, "PWNED-template"))).toBe(false);
		expect(existsSync(path.join(site.dir, "PWNED-data"))).toBe(false);
	});

	test("a logo named `logo #1?.png` is one encoded address in pages, JSON-LD and feeds", async () => {
		const site = await fixtureSite();
		await rename(
			path.join(site.content, "brand", "logo.png"),
			path.join(site.content, "brand", "logo #1?.png"),
		);
		await edit("_data/site.yaml", "logo: brand/logo.png", 'logo: "brand/logo #1?.png"')(site);
		const build = runBuild(site.content, site.output);
		expect(build.stderr).toBe("");
		const home = await readPage(site.output, "/");
		const icon = home.querySelector('link[rel="icon"]')?.getAttribute("href") ?? "";
		expect(icon).not.toMatch(/[ #?]/);
		expect(existsSync(path.join(site.output, decodeURIComponent(icon)))).toBe(true);
		const absolute = `https://gazette.example${icon}`;
		const jsonLd = [...home.querySelectorAll('script[type="application/ld+json"]')].map(
			(script) => JSON.parse(script.textContent) as { logo?: { url: string } },
		);
		expect(jsonLd.find((data) => data.logo)?.logo?.url).toBe(absolute);
		const atom = await readFile(path.join(site.output, "feed.xml"), "utf8");
		expect(atom).toContain(`<icon>${absolute}</icon>`);
	});

	test("the build log shows an escape sequence in a folder's name escaped", async () => {
		const site = await fixtureSite();
		const group = path.join(site.content, "articles", "later\u001b[2K");
		await mkdir(group);
		await rename(
			path.join(site.content, "articles", "future-story"),
			path.join(group, "future-story"),
		);
		const build = runBuild(site.content, site.output);
		expect(build.status, build.stderr).toBe(0);
		expect(build.stdout).toContain("(content/articles/later\\x1b[2K/future-story/index.md)");
		expect(build.stdout + build.stderr).not.toContain("\u001b");
	});

	test.each([
		["CR-only (old Mac)", "\r"],
		["CRLF (Windows)", "\r\n"],
	])("an article saved with %s line endings reads like any other", async (_name, ending) => {
		const site = await fixtureSite();
		await edit(`${FIRST}/index.md`, /\n/g, ending)(site);
		const check = runCheck(site.content);
		expect(check.stderr).toBe("");
		// The notes on tags that tags.yaml does not name come first, at the lines of the tags.
		expect(check.stdout).toContain(`content/${FIRST}/index.md:9  note: the tag \`mexico\``);
		expect(check.stdout).toMatch(/^Content is sound: 4 articles/m);
	});

	test("tags named like Object.prototype's properties build, each with its page", async () => {
		const site = await fixtureSite();
		await edit(
			`${FIRST}/index.md`,
			"tags: [mexico, world-cup-2018]",
			"tags: [constructor, to-string, has-own-property, value-of, mexico]",
		)(site);
		await writeFile(
			path.join(site.content, "_data", "tags.yaml"),
			"constructor:\n  name: Builders\n",
		);
		const build = runBuild(site.content, site.output);
		expect(build.stderr).toBe("");
		expect(build.status).toBe(0);
		const page = await readPage(site.output, `/${FIRST}/`);
		expect([...page.querySelectorAll(".tags a")].map((a) => a.textContent)).toEqual([
			"Builders",
			"To string",
			"Has own property",
			"Value of",
			"Mexico",
		]);
		expect(existsSync(path.join(site.output, "tags", "constructor", "index.html"))).toBe(true);
	});
});
