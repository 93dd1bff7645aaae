/**
 * The photos of an article's body, read from markdown-it's image tokens (the renderer reads the
 * same tokens) and checked against the same image schema as the lead photo. A body photo names
 * its credit at the end of its caption ("… Photo: Name/Agency"); the lead photo shown again in
 * the body keeps the lead's credit.
 */
import { captionCredit, type PhotoCredit } from "../credits.ts";
import { readBody, type BodyImage } from "../markdown.ts";
import { describeFound, fieldName, type Problem } from "../problems.ts";
import { imageSchema, type ImageData } from "../schema.ts";
import { photoFileIn } from "./read.ts";
import { valueAt } from "./yaml.ts";

/** A body photo that passed the schema, before its file is measured. */
export interface BodyPhotoDraft {
	data: ImageData;
	/** The photo file on disk. */
	file: string;
	line: number;
	/** How messages name it, e.g. "the body photo ![Bench](bench.jpg)". */
	label: string;
}

/** The lead photo's file and credit; either is undefined when the frontmatter's is wrong. */
export interface LeadPhoto {
	file: string | undefined;
	credit: PhotoCredit | undefined;
}

/** The file name an editor wrote, from the address markdown-it percent-encoded ("foto-ñ.jpg"). */
function fileName(src: string): string {
	try {
		return decodeURI(src);
	} catch {
		return src;
	}
}

function labelOf(alt: string, src: string): string {
	const shown = `![${alt}](${src})`;
	return `the body photo ${shown.length > 50 ? `${shown.slice(0, 47)}...` : shown}`;
}

/** A problem with a body photo's field, in the words of the place the editor writes it. */
function fieldMessage(
	label: string,
	field: PropertyKey[],
	message: string,
	found: unknown,
	caption: string,
): string {
	if (field[0] === "alt")
		return `${label} must have alt text: describe what it shows inside the square brackets`;
	if (field[0] === "credit" && found === undefined) {
		const example = caption ? `${caption.replace(/([^.!?])$/, "$1.")} ` : "";
		return `${label} has no credit: end its caption with "Photo: Name" or "Photo: Name/Agency", e.g. "${example}Photo: Yuri Cortez/AFP"`;
	}
	const shown = found === undefined ? "" : `; found ${describeFound(found)}`;
	return `${label}: \`${fieldName(field)}\` ${message}${shown}`;
}

/** Checks one image token: its fields against the image schema, its file inside the folder. */
function checkImage(
	image: BodyImage,
	dir: string,
	lead: LeadPhoto,
	report: (line: number, message: string) => void,
): BodyPhotoDraft | undefined {
	const src = fileName(String(image.token.attrGet("src") ?? ""));
	const label = labelOf(image.alt, src);
	const title = image.token.attrGet("title");
	const { caption, credit } = captionCredit(title === null ? null : String(title));
	const file = photoFileIn(dir, src);
	// Dateline never guesses a credit: a body photo names its own, unless it is the lead again.
	const again = file !== undefined && file === lead.file;
	const credited = credit ?? (again ? lead.credit : undefined);
	const fields = {
		src,
		alt: image.alt,
		...(caption ? { caption } : {}),
		...(credited
			? { credit: credited.credit, agency: credited.agency, copyright: credited.copyright }
			: {}),
	};
	const result = imageSchema.safeParse(fields);
	if (!result.success) {
		for (const issue of result.error.issues) {
			// The lead's own credit is refused where the frontmatter gives it; no echo here.
			if (again && !lead.credit && issue.path[0] === "credit") continue;
			report(
				image.line,
				fieldMessage(
					label,
					issue.path,
					issue.message,
					valueAt(fields, issue.path),
					caption,
				),
			);
		}
		return undefined;
	}
	if (!file) {
		report(image.line, `${label} must name a file in the article's folder; found "${src}"`);
		return undefined;
	}
	return { data: result.data, file, line: image.line, label };
}

/**
 * Reads and checks the photos of a body. `bodyLine` is the file line the body starts on; the
 * lead's file and credit let the lead photo appear again without repeating its credit.
 */
export function readBodyPhotos(
	body: string,
	bodyLine: number,
	dir: string,
	lead: LeadPhoto,
	display: string,
): { photos: BodyPhotoDraft[]; problems: Problem[] } {
	// No `![`, no image token: most bodies need no parse here.
	if (!body.includes("![")) return { photos: [], problems: [] };
	const { images, unread } = readBody(body);
	const problems: Problem[] = [];
	const report = (line: number, message: string) => {
		problems.push({ file: display, line: bodyLine + line - 1, message });
	};
	for (const line of unread) {
		report(
			line,
			`this \`![\` starts a body photo Dateline cannot read; write it as ![alt](file.jpg "Caption. Photo: Name"), or escape it as \\![ if it is not a photo`,
		);
	}
	const photos: BodyPhotoDraft[] = [];
	for (const image of images) {
		const photo = checkImage(image, dir, lead, report);
		if (photo) photos.push({ ...photo, line: bodyLine + photo.line - 1 });
	}
	return { photos, problems };
}
