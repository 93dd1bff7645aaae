/**
 * Every file under content/, sorted into what the content model knows: articles, the photos
 * beside them, the data files and the brand files they name. Anything else is refused by name,
 * since nothing in content/ is code and nothing there is published as it is; so is a link that
 * leads out of content/, a link to a folder, and anything that is not a plain file: Dateline
 * reads nothing from outside the content folder.
 */
import { readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { closest, type Problem } from "../problems.ts";

/** The file every article folder holds. */
export const ARTICLE_FILE = "index.md";
/** The folders of content/ the model names. */
export const ARTICLES_DIR = "articles";
export const DATA_DIR = "_data";
/** The data files `_data/` may hold. */
export const DATA_FILES = ["site.yaml", "authors.yaml", "sections.yaml", "tags.yaml"];
/** A note for whoever opens the folder; never read or published. */
const README = "README.md";
/** What operating systems leave in folders they show; never read or published. */
const SYSTEM_FILES = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);
const PHOTO_RE = /\.(jpe?g|png|webp|avif)$/i;
const MARKDOWN_RE = /\.(md|markdown)$/i;

/** The files found under content/, before the data files say which brand files they name. */
export interface Inventory {
	contentDir: string;
	/** Every `index.md` under articles/, sorted. */
	articles: string[];
	/** Every other plain file (or link to one inside content/). */
	files: string[];
	/** Folders holding an `index.md`. */
	articleDirs: Set<string>;
	/** Links and special files that must not be read, nor anything under them. */
	refused: Set<string>;
	/** Links and special files, refused by name. */
	problems: Problem[];
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/** Why a link found at `file` is refused, or undefined for a link to a file inside content/. */
function linkProblem(file: string, realContent: string): string | undefined {
	const target = readlinkSync(file);
	let real: string;
	try {
		real = realpathSync(file);
	} catch {
		return `this is a link to ${target}, which does not exist; put the file itself here`;
	}
	const folder = statSync(real).isDirectory();
	if (!inside(real, realContent))
		return `this is a link to ${target}, outside content/: Dateline reads nothing from outside the content folder; put the ${folder ? "folder" : "file"} itself here`;
	if (folder)
		return `this is a link to the folder ${target}; Dateline does not follow linked folders: move the folder here instead`;
	return undefined;
}

/** Lists content/ without following links out of it; refuses links and special files by name. */
export function takeInventory(contentDir: string, rel: (file: string) => string): Inventory {
	const inventory: Inventory = {
		contentDir,
		articles: [],
		files: [],
		articleDirs: new Set(),
		refused: new Set(),
		problems: [],
	};
	let realContent: string;
	try {
		realContent = realpathSync(contentDir);
	} catch {
		return inventory;
	}
	const articlesDir = path.join(contentDir, ARTICLES_DIR);
	const refuse = (file: string, message: string) => {
		inventory.refused.add(file);
		inventory.problems.push({ file: rel(file), message });
	};
	// By hand rather than `recursive: true`, which follows links to folders, out of content/ too.
	const folders = [contentDir];
	for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch (error) {
			if (dir !== contentDir) refuse(dir, `this folder cannot be read (${String(error)})`);
			continue;
		}
		for (const entry of entries) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				folders.push(file);
				continue;
			}
			const linked = entry.isSymbolicLink();
			const problem = linked
				? linkProblem(file, realContent)
				: !entry.isFile() &&
					"this is not a plain file (a device, socket or pipe); delete it";
			if (problem) refuse(file, problem);
			else if (entry.name === ARTICLE_FILE && inside(dir, articlesDir)) {
				inventory.articles.push(file);
				inventory.articleDirs.add(dir);
			} else inventory.files.push(file);
		}
	}
	inventory.articles.sort();
	return inventory;
}

/** Whether a file is a refused link or special file, or lies under a refused link. */
export function isRefused(inventory: Inventory, file: string): boolean {
	if (inventory.refused.size === 0) return false;
	for (let at = file; inside(at, inventory.contentDir); at = path.dirname(at)) {
		if (inventory.refused.has(at)) return true;
		if (at === inventory.contentDir) break;
	}
	return false;
}

/** Where a file stands in the content model: allowed, or what kind of stray. */
type Standing = "allowed" | "markdown" | "data" | "beside-article" | "loose-in-articles" | "other";

function standing(
	inventory: Inventory,
	file: string,
	named: ReadonlySet<string> | undefined,
): Standing {
	const name = path.basename(file);
	if (SYSTEM_FILES.has(name) || named?.has(file)) return "allowed";
	const parts = path.relative(inventory.contentDir, file).split(path.sep);
	if (parts[0] === DATA_DIR)
		return parts.length === 2 && DATA_FILES.includes(name) ? "allowed" : "data";
	if (parts[0] === ARTICLES_DIR) {
		if (MARKDOWN_RE.test(name)) return "markdown";
		const articles = path.join(inventory.contentDir, ARTICLES_DIR);
		for (let dir = path.dirname(file); dir !== articles; dir = path.dirname(dir)) {
			if (inventory.articleDirs.has(dir))
				return PHOTO_RE.test(name) ? "allowed" : "beside-article";
		}
		return "loose-in-articles";
	}
	if (parts.length === 1 && name === README) return "allowed";
	// While site.yaml or authors.yaml is broken, which photos they name is unknown.
	return !named && PHOTO_RE.test(name) ? "allowed" : "other";
}

const MOVE = "move it out of content/ or delete it";

function strayMessage(kind: Exclude<Standing, "allowed">, file: string, rel: string): string {
	const start = "this file is not part of the content model";
	switch (kind) {
		case "markdown":
			return `this markdown file is not an article: each article is a folder holding \`${ARTICLE_FILE}\`; rename it to ${path.join(path.dirname(rel), ARTICLE_FILE)} or move it into its own folder`;
		case "data": {
			const guess = closest(path.basename(file), DATA_FILES);
			return `${start}: \`_data/\` holds only ${DATA_FILES.slice(0, -1).join(", ")} and ${String(DATA_FILES.at(-1))}, and Dateline runs no code from content/${guess ? ` (did you mean \`${guess}\`?)` : ""}; ${MOVE}`;
		}
		case "beside-article":
			return `${start}: beside an article's \`${ARTICLE_FILE}\` go only its photos (JPEG, PNG, WebP or AVIF), and Dateline never runs or publishes anything else from content/; ${MOVE}`;
		case "loose-in-articles":
			return `this file is not in an article's folder: under articles/, a folder holding \`${ARTICLE_FILE}\` is an article and its photos sit beside it; move it into an article's folder, or ${MOVE}`;
		case "other":
			return `${start}: besides _data/ and articles/, content/ holds only the logo, social image and avatars that site.yaml and authors.yaml name, and ${README}; ${MOVE}`;
	}
}

/** Every folder that holds something the model knows, so a wholly foreign folder is named once. */
function knownFolders(inventory: Inventory, allowed: string[]): Set<string> {
	const { contentDir } = inventory;
	const known = new Set([
		contentDir,
		path.join(contentDir, ARTICLES_DIR),
		path.join(contentDir, DATA_DIR),
	]);
	for (const file of [...allowed, ...inventory.articles]) {
		for (let dir = path.dirname(file); !known.has(dir) && inside(dir, contentDir);) {
			known.add(dir);
			dir = path.dirname(dir);
		}
	}
	return known;
}

/**
 * The files under content/ the model does not know, refused by name; a folder holding nothing
 * the model knows is named once, with its count. `named` holds the brand files and avatars of
 * the data files, or is undefined while one of them is broken.
 */
export function strayProblems(
	inventory: Inventory,
	named: ReadonlySet<string> | undefined,
	rel: (file: string) => string,
): Problem[] {
	const strays: [string, Exclude<Standing, "allowed">][] = [];
	const allowed: string[] = [];
	for (const file of inventory.files) {
		const kind = standing(inventory, file, named);
		if (kind === "allowed") allowed.push(file);
		else strays.push([file, kind]);
	}
	if (strays.length === 0) return [];
	const known = knownFolders(inventory, allowed);
	const problems: Problem[] = [];
	const folders = new Map<string, number>();
	for (const [file, kind] of strays) {
		let dir = path.dirname(file);
		if (known.has(dir)) {
			problems.push({ file: rel(file), message: strayMessage(kind, file, rel(file)) });
			continue;
		}
		while (!known.has(path.dirname(dir))) dir = path.dirname(dir);
		folders.set(dir, (folders.get(dir) ?? 0) + 1);
	}
	for (const [dir, count] of folders) {
		const what = inside(dir, path.join(inventory.contentDir, ARTICLES_DIR))
			? `this folder holds no \`${ARTICLE_FILE}\`, so it is not an article`
			: "this folder is not part of the content model";
		problems.push({
			file: `${rel(dir)}/`,
			message: `${what} (${count.toLocaleString("en")} file${count === 1 ? "" : "s"} in it); ${MOVE}`,
		});
	}
	return problems;
}
