/**
 * Dates as editors write them (ISO 8601 with an offset) into instants, and instants into the
 * words and `datetime` values a reader sees in the publication's time zone.
 */

const ISO_DATETIME_RE =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with an editor's date-time, or null when it is a real instant with a zone. */
export function dateTimeProblem(value: string): string | null {
	if (DATE_ONLY_RE.test(value)) {
		return "must be a date and time with a time zone, e.g. 2018-07-26T17:00:00-05:00";
	}
	const m = ISO_DATETIME_RE.exec(value);
	if (!m)
		return "must be an ISO 8601 date and time with a time zone, e.g. 2018-07-26T17:00:00-05:00";
	const [, y, mo, d, h, mi, s = "0", , zone] = m;
	if (!zone)
		return "must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z";
	if (value[10] === " ")
		return "must separate date and time with `T`, e.g. 2018-07-26T17:00:00-05:00";
	const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	const real =
		probe.getUTCFullYear() === year &&
		probe.getUTCMonth() === month - 1 &&
		probe.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60;
	if (!real) return "must be a real calendar date and time";
	if (zone !== "Z") {
		// Feeds, sitemaps and structured data copy the offset as written, and the Google News
		// sitemap accepts only the extended form, so the colon is required.
		const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
		if (!offset) return "must write its UTC offset with a colon, e.g. -05:00";
		const minutes = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
		if (Number(offset[3]) > 59 || minutes < -12 * 60 || minutes > 14 * 60) {
			return "must carry a real UTC offset between -12:00 and +14:00";
		}
	}
	return null;
}

/** Milliseconds since the epoch for a date-time that passed `dateTimeProblem`. */
export function toEpoch(value: string): number {
	return Date.parse(value);
}

/** Whether `zone` is an IANA time zone this Node knows, e.g. America/Mexico_City. */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat("en", { timeZone: zone });
		return zone.includes("/") || zone === "UTC";
	} catch {
		return false;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
	const key = `${language}|${timeZone}|${String(withTime)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(language, {
			timeZone,
			year: "numeric",
			month: "long",
			day: "numeric",
			...(withTime ? { hour: "numeric", minute: "2-digit", timeZoneName: "short" } : {}),
		});
		formatters.set(key, f);
	}
	return f;
}

/** The date and time as a reader in the publication's zone reads it, e.g. "July 26, 2018 at 5:00 PM CDT". */
export function formatDateTime(epoch: number, language: string, timeZone: string): string {
	return formatter(language, timeZone, true).format(epoch);
}

/** The date alone in the publication's zone, e.g. "July 26, 2018". */
export function formatDate(epoch: number, language: string, timeZone: string): string {
	return formatter(language, timeZone, false).format(epoch);
}

/** The day with its weekday, as a masthead dates an edition, e.g. "Friday, July 27, 2018". */
export function formatEditionDate(epoch: number, language: string, timeZone: string): string {
	return new Intl.DateTimeFormat(language, {
		timeZone,
		weekday: "long",
		year: "numeric",
		month: "long",
		day: "numeric",
	}).format(epoch);
}

/** An RFC 3339 timestamp in UTC for `datetime` attributes, feeds and sitemaps. */
export function isoUtc(epoch: number): string {
	return new Date(epoch).toISOString().replace(/\.000Z$/, "Z");
}

// Making a formatter costs far more than using one: a page lists dozens of dates, a build
// formats hundreds of thousands. One per zone.
const isoFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in a zone, as ISO 8601 with that zone's offset, to the minute. */
export function localIso(epoch: number, timeZone: string): string {
	let format = isoFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", {
			timeZone,
			year: "numeric",
			month: "2-digit",
			day: "2-digit",
			hour: "2-digit",
			minute: "2-digit",
			hourCycle: "h23",
			timeZoneName: "longOffset",
		});
		isoFormats.set(timeZone, format);
	}
	const parts = format.formatToParts(epoch);
	const get = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((p) => p.type === type)?.value ?? "";
	const offset = get("timeZoneName").replace(/^GMT/, "") || "+00:00";
	return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:00${offset}`;
}
