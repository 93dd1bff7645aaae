/**
 * The photo cache on disk (`.cache/photos/<key>/`): one folder per entry, its files named by
 * a hash of what made them, and a manifest written last, so a folder with a readable manifest
 * whose files are all there at their recorded sizes is complete. Writes go to a temporary name
 * first, so a crash or a parallel build never leaves half a file.
 */
import { createHash } from "node:crypto";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
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
export async function readManifest(dir: string): Promise<Manifest | undefined> {
	try {
		const manifest = JSON.parse(
			await readFile(path.join(dir, "manifest.json"), "utf8"),
		) as Manifest;
		if (manifest.remote !== undefined) return manifest;
		// A half-deleted cache entry is a miss, not a broken build.
		const present = await Promise.all(
			manifest.files.map((f) => stat(path.join(dir, f.name)).then((s) => s.size === f.bytes)),
		);
		return present.every(Boolean) ? manifest : undefined;
	} catch {
		return undefined;
	}
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
