/**
 * Reads a photo's header with sharp, before anything is built: its size, orientation and
 * format, or why it cannot be used. A file named by many articles, or under many names (hard
 * links), is read once.
 */
import { statSync } from "node:fs";
import sharp from "sharp";
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
		case "unreadable":
			return `names ${shown}, which is not a readable image (${failure.reason}); export it again as JPEG, PNG, WebP or AVIF`;
	}
}

async function readHeader(file: string): Promise<Inspection> {
	try {
		const meta = await sharp(file).metadata();
		const format = meta.format === "heif" && meta.compression !== "av1" ? "heic" : meta.format;
		const name = PHOTO_FORMATS[format];
		if (!name) return { kind: "format", format };
		const rotated = (meta.orientation ?? 1) >= 5;
		return {
			file,
			width: rotated ? meta.height : meta.width,
			height: rotated ? meta.width : meta.height,
			format: name,
		};
	} catch (cause) {
		const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
		return { kind: "unreadable", reason: reason || "unknown error" };
	}
}

/**
 * An inspector that reads each file on disk once, however many paths or articles name it: a
 * stat is far cheaper than reading the header.
 */
export function photoInspector(): (file: string) => Promise<Inspection> {
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
			pending = readHeader(file);
			seen.set(key, pending);
		}
		const found = await pending;
		return isPhoto(found) ? { ...found, file } : found;
	};
}
