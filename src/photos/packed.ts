/**
 * A cache entry's manifest packed for the cache index: 20,000 photos' manifests in one file
 * must parse in a few milliseconds, so each file is `[name after the key, width, height, bytes]`
 * and its format and crop ratio are read back from its name, which the pipeline gives both.
 */
import type { Format, Manifest, OutputFile } from "./cache.ts";
import type { Crop } from "./types.ts";

/** [placeholder, photo host, files]. */
export type PackedEntry = [string | null, string | null, [string, number, number, number][]];

const FORMATS: Record<string, Format> = { avif: "avif", webp: "webp", jpg: "jpeg" };
const RATIOS: Record<string, Crop["ratio"]> = { "16x9": "16:9", "4x3": "4:3", "1x1": "1:1" };

/** Packs a manifest; its files' names start with the entry's key. */
export function encodeEntry(key: string, manifest: Manifest): PackedEntry {
	const prefix = `${key}-`;
	return [
		manifest.placeholder ?? null,
		manifest.remote ?? null,
		manifest.files.map((f) => [
			// Any other name is kept whole, marked by a leading slash no name can start with.
			f.name.startsWith(prefix) ? f.name.slice(prefix.length) : `/${f.name}`,
			f.width,
			f.height,
			f.bytes,
		]),
	];
}

/** Unpacks what `encodeEntry` packed. */
export function decodeEntry(key: string, [placeholder, remote, files]: PackedEntry): Manifest {
	return {
		...(placeholder === null ? {} : { placeholder }),
		...(remote === null ? {} : { remote }),
		files: files.map(([suffix, width, height, bytes]): OutputFile => {
			const name = suffix.startsWith("/") ? suffix.slice(1) : `${key}-${suffix}`;
			const ratio = RATIOS[suffix.split("-")[0] ?? ""];
			return {
				name,
				format: FORMATS[name.slice(name.lastIndexOf(".") + 1)] ?? "jpeg",
				width,
				height,
				bytes,
				...(ratio ? { ratio } : {}),
			};
		}),
	};
}
