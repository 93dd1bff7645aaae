/**
 * Whether a photo file holds its whole image, found from its structure alone, without decoding
 * it: a JPEG ends its data with the end-of-image marker, a PNG with its IEND chunk, and WebP
 * and AVIF files declare the sizes of their parts. A file cut short by a failed download or
 * copy breaks these, and the check reads a few kilobytes at the file's head and tail: at 20,000
 * photos it costs a fraction of a second, where decoding each would cost many minutes.
 *
 * libvips cannot tell without decoding: its loaders read the header only, and report a cut
 * when the decoder runs out of data.
 */
import { closeSync, openSync, readSync } from "node:fs";

// The head read holds a JPEG's segments up to its image data (EXIF, ICC and XMP included) in
// nearly every file; a walk that goes further reads on.
const HEAD = 4 * 1024;
// Read to look for a JPEG's end marker when it is not the last thing in the file.
const SCAN = 1024 * 1024;
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);

/** Reads `length` bytes at `position`, fewer at the end of the file. */
type Reader = (position: number, length: number) => Buffer;

/** Whether the segments before a JPEG's image data all fit, and where the data starts. */
function jpegScanStart(read: Reader, size: number): number | undefined {
	let pos = 2;
	let window = read(0, HEAD);
	let windowAt = 0;
	while (pos + 4 <= size) {
		if (pos + 4 > windowAt + window.length) {
			windowAt = pos;
			window = read(pos, HEAD);
		}
		const at = pos - windowAt;
		if (window[at] !== 0xff) return undefined;
		const marker = window[at + 1] ?? 0;
		if (marker === 0xff) {
			pos++; // fill byte
			continue;
		}
		if (marker === 0xda) return pos; // start of scan: the image data follows
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			pos += 2;
			continue;
		}
		pos += 2 + window.readUInt16BE(at + 2);
	}
	return undefined;
}

/**
 * A JPEG is whole when an end-of-image marker follows the start of its image data: inside the
 * data, 0xFF is always followed by 0x00 or a restart marker, so 0xFF 0xD9 can only be the end.
 * Usually it is the file's last two bytes; a file with data after it (a phone's motion photo)
 * is scanned from the image data on.
 */
function jpegComplete(read: Reader, size: number): boolean {
	const scan = jpegScanStart(read, size);
	if (scan === undefined) return false;
	const tail = read(Math.max(scan, size - 2), 2);
	if (tail.equals(JPEG_EOI)) return true;
	for (let pos = scan; pos < size; pos += SCAN - 1) {
		if (read(pos, SCAN).includes(JPEG_EOI)) return true;
	}
	return false;
}

/** A PNG is whole when it ends with IEND, or when its chunks fit and reach one. */
function pngComplete(read: Reader, size: number): boolean {
	if (
		size >= 8 + PNG_IEND.length &&
		read(size - PNG_IEND.length, PNG_IEND.length).equals(PNG_IEND)
	)
		return true;
	for (let pos = 8; pos + 8 <= size;) {
		const header = read(pos, 8);
		const end = pos + 12 + header.readUInt32BE(0);
		if (end > size) return false;
		if (header.toString("latin1", 4, 8) === "IEND") return true;
		pos = end;
	}
	return false;
}

/** A WebP is whole when its RIFF container fits in the file. */
function webpComplete(read: Reader, size: number): boolean {
	const head = read(0, 12);
	return head.length === 12 && head.readUInt32LE(4) + 8 <= size;
}

/** An AVIF is whole when its boxes (ftyp, meta, mdat, ...) fit in the file. */
function avifComplete(read: Reader, size: number): boolean {
	let pos = 0;
	while (pos + 8 <= size) {
		const header = read(pos, 16);
		let length = header.readUInt32BE(0);
		if (length === 0) return true; // the last box runs to the end of the file
		if (length === 1) {
			if (header.length < 16) return false;
			length = Number(header.readBigUInt64BE(8));
		}
		if (length < 8) return false;
		pos += length;
	}
	return pos <= size;
}

const CHECKS: Record<string, (read: Reader, size: number) => boolean> = {
	JPEG: jpegComplete,
	PNG: pngComplete,
	WebP: webpComplete,
	AVIF: avifComplete,
};

/** The format a file's first bytes announce, as inspect.ts names it, when it is one we check. */
export function sniffFormat(head: Buffer): string | undefined {
	if (head[0] === 0xff && head[1] === 0xd8) return "JPEG";
	if (head.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return "PNG";
	if (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP")
		return "WebP";
	if (
		head.toString("latin1", 4, 8) === "ftyp" &&
		/^avi[fs]$/.test(head.toString("latin1", 8, 12))
	)
		return "AVIF";
	return undefined;
}

/**
 * Whether the file holds its whole image, for the formats Dateline accepts (as named by
 * inspect.ts); true for any other, which is refused for its format anyway.
 */
export function isComplete(file: string, format: string, size: number): boolean {
	const check = CHECKS[format];
	if (!check) return true;
	let fd: number;
	try {
		fd = openSync(file, "r");
	} catch {
		return true; // unreadable is sharp's to say, with its own reason
	}
	try {
		const read: Reader = (position, length) => {
			const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
			const n = readSync(fd, buffer, 0, buffer.length, position);
			return buffer.subarray(0, n);
		};
		return check(read, size);
	} catch {
		// A header field pointing past what could be read: the file is cut short.
		return false;
	} finally {
		closeSync(fd);
	}
}
