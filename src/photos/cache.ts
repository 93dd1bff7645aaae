/**
 * The photo cache on disk (`.cache/photos/<key>/`): one folder per entry, its files named by
 * a hash of what made them, and a manifest written last, so a folder with a readable manifest
 * whose files are all there at their recorded sizes is complete. Writes go to a temporary name
 * first, so a crash or a parallel build never leaves half a file.
 */
import { createHash } from "node:crypto";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { limiter } from "../concurrency.ts";
import type { Format, Manifest } from "./types.ts";

/** The encoded formats, with their MIME types and file extensions. */
export const FORMAT_TYPES = {
	avif: "image/avif",
	webp: "image/webp",
	jpeg: "image/jpeg",
} as const satisfies Record<Format, string>;
export const EXTENSIONS = { avif: "avif", webp: "webp", jpeg: "jpg" } as const satisfies Record<
	Format,
	string
>;
export type { Format, Manifest, OutputFile } from "./types.ts";

/** A SHA-256 of the parts, in hex. */
export function digest(...parts: (string | Buffer)[]): string {
	const hash = createHash("sha256");
	for (const part of parts) hash.update(part);
	return hash.digest("hex");
}

/**
 * A cache entry's manifest, or undefined when the entry is missing or incomplete. An entry whose
 * files were uploaded to a photo host (`remote`) is complete without them; whether that host is
 * this build's is the caller's to say.
 */
export function readManifest(dir: string): Promise<Manifest | undefined> {
	return manifestReads(() => readEntry(dir));
}

// Manifest reads at once. An archive asks for tens of thousands together; past the process's
// open-file limit they failed with EMFILE, were taken for misses, and a warm cache of 20,000
// photos was encoded again from scratch.
const manifestReads = limiter(64);

/** Whether an error says the file is not there (a miss), as opposed to the system refusing. */
function missing(cause: unknown): boolean {
	const code = (cause as NodeJS.ErrnoException).code;
	return code === "ENOENT" || code === "ENOTDIR";
}

async function readEntry(dir: string): Promise<Manifest | undefined> {
	let manifest: Manifest;
	try {
		manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
	} catch (cause) {
		// Not there, or cut short by a crash: either way the entry is made again.
		if (cause instanceof SyntaxError || missing(cause)) return undefined;
		throw cause;
	}
	if (manifest.remote !== undefined) return manifest;
	// A half-deleted cache entry is a miss, not a broken build.
	for (const f of manifest.files) {
		try {
			if ((await stat(path.join(dir, f.name))).size !== f.bytes) return undefined;
		} catch (cause) {
			if (missing(cause)) return undefined;
			throw cause;
		}
	}
	return manifest;
}

/** Writes a cache entry's manifest, which marks it complete. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
	await writeAtomic(path.join(dir, "manifest.json"), (tmp) =>
		writeFile(tmp, JSON.stringify(manifest, null, "\t")),
	);
}

/** Writes next to the target, then renames, so a crash or a parallel build never leaves half a file. */
export async function writeAtomic(
	file: string,
	write: (tmp: string) => Promise<unknown>,
): Promise<void> {
	const tmp = `${file}.${String(process.pid)}.tmp`;
	await write(tmp);
	await rename(tmp, file);
}
