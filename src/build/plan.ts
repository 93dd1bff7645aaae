/**
 * What a build knows of the one before it, so it can write only what changed: a state file
 * under `.cache/build/` per output folder, holding the key of everything that shapes every page
 * (Dateline's own code, the installed packages, the data files) and the signature of each page
 * it wrote. A build whose key differs, or that finds no state or no output folder, or that is
 * asked for `--full`, starts from an empty output folder and writes everything.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const STATE_VERSION = 1;
// Dateline's own files: what they hold decides how every page looks.
const PACKAGE_ROOT = path.resolve(import.meta.dirname, "..", "..");
const CODE = ["src", "layouts", "assets", ".eleventy.ts", "package-lock.json"];

/** The last build's record of one output folder. */
export interface BuildState {
	version: number;
	key: string;
	/** Every page the writer owns, by path in the output folder, with its signature. */
	pages: Record<string, string>;
	/** The search index's shards, each with the signature of the pages it was made from. */
	shards: Record<string, string>;
}

/** A build's plan, and where its record is kept. */
export interface BuildPlan {
	/** Write everything, from an empty output folder. */
	full: boolean;
	/** The key of this build; the signature of every page starts with it. */
	key: string;
	/** Set by the page writer: the key with what every page shows besides (the house images). */
	pageKey: string;
	/** The pages of the last build, or none for a full one. */
	previous: Record<string, string>;
	/** Set by the page writer: every page of this build. */
	pages: Record<string, string>;
	/** The search shards of the last build, or none for a full one. */
	previousShards: Record<string, string>;
	/** Set by the search step: every shard of this build. */
	shards: Record<string, string>;
	/** Keeps the record for the next build. */
	save(): Promise<void>;
	/** Forgets the record, so a build that fails halfway leaves none behind. */
	forget(): Promise<void>;
}

/** Adds a file, or every file under a folder in name order, to a hash: path, then bytes. */
function hashEntry(hash: Hash, file: string): void {
	let info;
	try {
		info = statSync(file);
	} catch {
		return;
	}
	if (info.isDirectory()) {
		for (const name of readdirSync(file).sort()) hashEntry(hash, path.join(file, name));
	} else if (info.isFile()) {
		hash.update(`${path.relative(PACKAGE_ROOT, file)}\0`).update(readFileSync(file));
	}
}

/**
 * A hash of Dateline's code, layouts, styles and locked packages, and the Node that runs them.
 * Worked out on every build (a few milliseconds), so a layout edited while the preview runs
 * renders every page again.
 */
export function codeHash(): string {
	const hash = createHash("sha256").update(`${process.version}\0${String(STATE_VERSION)}\0`);
	for (const name of CODE) hashEntry(hash, path.join(PACKAGE_ROOT, name));
	return hash.digest("hex");
}

/** The key of a build: the code, and every data file of the content, byte for byte. */
export function buildKey(contentDir: string): string {
	const hash = createHash("sha256").update(codeHash());
	hashEntry(hash, path.join(contentDir, "_data"));
	return hash.digest("hex");
}

/** Where the record of builds into an output folder is kept. */
export function statePath(root: string, outputDir: string): string {
	const id = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
	return path.join(root, ".cache", "build", `${id}.json`);
}

async function readState(file: string): Promise<BuildState | undefined> {
	try {
		const state = JSON.parse(await readFile(file, "utf8")) as BuildState;
		return state.version === STATE_VERSION ? state : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Plans a build into `outputDir`. `stateFile` undefined keeps the record in memory only (the
 * preview server, which rebuilds in one process).
 */
export async function planBuild(options: {
	contentDir: string;
	outputDir: string;
	stateFile: string | undefined;
	full?: boolean;
	memory?: { state?: BuildState };
}): Promise<BuildPlan> {
	const key = buildKey(options.contentDir);
	const last = options.stateFile ? await readState(options.stateFile) : options.memory?.state;
	const kept = options.full !== true && last?.key === key && existsSync(options.outputDir);
	const plan: BuildPlan = {
		full: !kept,
		key,
		pageKey: key,
		previous: kept ? last.pages : {},
		pages: {},
		previousShards: kept ? last.shards : {},
		shards: {},
		async save() {
			const state: BuildState = {
				version: STATE_VERSION,
				key,
				pages: plan.pages,
				shards: plan.shards,
			};
			if (options.memory) options.memory.state = state;
			if (!options.stateFile) return;
			await mkdir(path.dirname(options.stateFile), { recursive: true });
			const tmp = `${options.stateFile}.${String(process.pid)}.tmp`;
			await writeFile(tmp, JSON.stringify(state));
			await rename(tmp, options.stateFile);
		},
		async forget() {
			if (options.memory) delete options.memory.state;
			if (options.stateFile) await rm(options.stateFile, { force: true });
		},
	};
	return plan;
}
