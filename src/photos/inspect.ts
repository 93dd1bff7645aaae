/**
 * Reads a photo's header with sharp, before anything is built: its size, orientation and
 * format, or why it cannot be used: a format browsers do not show, more pixels than the
 * pipeline decodes, or a file cut short. `npm run check` and the build run this same reading,
 * so the check refuses what the build would. A file named by many articles, or under many
 * names (hard links), is read once.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import sharp from "sharp";
import { isComplete, sniffFormat } from "./complete.ts";
import { MAX_PIXELS } from "./settings.ts";
import type { PhotoFile } from "./types.ts";

const PHOTO_FORMATS: Record<string, string> = {
	jpeg: "JPEG",
	png: "PNG",
	webp: "WebP",
	heif: "AVIF",
};

/** Why a named photo cannot be used. */
export type PhotoFailure =
	| { kind: "missing" }
	| { kind: "not-a-file" }
	| { kind: "format"; format: string }
	| { kind: "too-large"; width: number; height: number; limit: number }
	| { kind: "cut-short"; format: string }
	| { kind: "unreadable"; reason: string };

/** A measured photo, or why it cannot be used. */
export type Inspection = PhotoFile | PhotoFailure;

/** Whether an inspection found a usable photo. */
export function isPhoto(found: Inspection): found is PhotoFile {
	return "file" in found;
}

/** The end of a message about a photo that cannot be used: "names <shown>, which ...". */
export function failureMessage(failure: PhotoFailure, shown: string): string {
	switch (failure.kind) {
		case "missing":
			return `names ${shown}, which does not exist; put the photo there or fix the name`;
		case "not-a-file":
			return `names ${shown}, which is not a file`;
		case "format":
			return `names ${shown}, which is ${failure.format.toUpperCase()}; expected JPEG, PNG, WebP or AVIF`;
		case "too-large":
			return `names ${shown}, which is ${String(failure.width)} x ${String(failure.height)} pixels (${megapixels(failure.width * failure.height)} megapixels); the most Dateline accepts is ${megapixels(failure.limit)} megapixels: export a smaller version`;
		case "cut-short":
			return `names ${shown}, which is cut short: the ${failure.format} file ends before its image does (an interrupted download or copy?); copy or export it again`;
		case "unreadable":
			return `names ${shown}, which is not a readable image (${failure.reason}); export it again as JPEG, PNG, WebP or AVIF`;
	}
}

/** A file's first bytes, enough to tell its format. */
function readHead(file: string): Buffer {
	const head = Buffer.alloc(16);
	try {
		const fd = openSync(file, "r");
		try {
			return head.subarray(0, readSync(fd, head, 0, head.length, 0));
		} finally {
			closeSync(fd);
		}
	} catch {
		return Buffer.alloc(0);
	}
}

function megapixels(pixels: number): string {
	return String(Math.round(pixels / 1e6));
}

async function readHeader(file: string, size: number, maxPixels: number): Promise<Inspection> {
	try {
		// The header only: the size limit is ours to apply, with a message that names it.
		const meta = await sharp(file, { limitInputPixels: false }).metadata();
		const format = meta.format === "heif" && meta.compression !== "av1" ? "heic" : meta.format;
		const name = PHOTO_FORMATS[format];
		if (!name) return { kind: "format", format };
		if (meta.width * meta.height > maxPixels)
			return { kind: "too-large", width: meta.width, height: meta.height, limit: maxPixels };
		if (!isComplete(file, name, size)) return { kind: "cut-short", format: name };
		const rotated = (meta.orientation ?? 1) >= 5;
		return {
			file,
			width: rotated ? meta.height : meta.width,
			height: rotated ? meta.width : meta.height,
			format: name,
		};
	} catch (cause) {
		// A header too damaged to read, in a file cut short, is named for what happened to it.
		const format = sniffFormat(readHead(file));
		if (format && !isComplete(file, format, size)) return { kind: "cut-short", format };
		const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
		return { kind: "unreadable", reason: reason || "unknown error" };
	}
}

/**
 * An inspector that reads each file on disk once, however many paths or articles name it: a
 * stat is far cheaper than reading the header.
 */
export function photoInspector(maxPixels = MAX_PIXELS): (file: string) => Promise<Inspection> {
	const seen = new Map<string, Promise<Inspection>>();
	return async (file) => {
		let info;
		try {
			info = statSync(file);
		} catch {
			return { kind: "missing" };
		}
		if (!info.isFile()) return { kind: "not-a-file" };
		const key = `${String(info.dev)}:${String(info.ino)}:${String(info.size)}:${String(info.mtimeMs)}`;
		let pending = seen.get(key);
		if (!pending) {
			pending = readHeader(file, info.size, maxPixels);
			seen.set(key, pending);
		}
		const found = await pending;
		return isPhoto(found) ? { ...found, file } : found;
	};
}
