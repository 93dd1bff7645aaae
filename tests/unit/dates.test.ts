import { describe, expect, test } from "vitest";
import {
	dateTimeProblem,
	formatDate,
	formatEditionDate,
	formatDateTime,
	isTimeZone,
	isoUtc,
	toEpoch,
} from "../../src/dates.ts";

describe("dateTimeProblem", () => {
	test.each([
		"2018-07-26T17:00:00-05:00",
		"2018-07-26T22:00:00Z",
		"2018-07-26T17:00-05:00",
		"2018-07-26T17:00:00.250+02:00",
		"2016-02-29T12:00:00Z",
	])("accepts %s", (value) => {
		expect(dateTimeProblem(value)).toBeNull();
	});

	test.each([
		["2018-07-26T17:00:00", "must carry a time zone"],
		["2018-07-26 17:00", "must carry a time zone"],
		["2018-07-26", "must be a date and time with a time zone"],
		["2018-02-30T10:00:00Z", "must be a real calendar date and time"],
		["2017-02-29T10:00:00Z", "must be a real calendar date and time"],
		["2018-07-26T24:30:00Z", "must be a real calendar date and time"],
		["2018-07-26T17:00:00+15:00", "must carry a real UTC offset"],
		["2018-07-26T17:00:00+14:59", "must carry a real UTC offset"],
		["2018-07-26T17:00:00-14:00", "must carry a real UTC offset"],
		["2018-07-26T17:00:00-0500", "must write its UTC offset with a colon, e.g. -05:00"],
		["2018-07-26 17:00:00Z", "must separate date and time with `T`"],
		["26/07/2018", "must be an ISO 8601 date and time"],
		["yesterday", "must be an ISO 8601 date and time"],
	])("refuses %s", (value, message) => {
		expect(dateTimeProblem(value)).toContain(message);
	});
});

describe("time zones", () => {
	test("an offset date is the same instant whatever zone it was written in", () => {
		expect(toEpoch("2018-07-26T17:00:00-05:00")).toBe(toEpoch("2018-07-26T22:00:00Z"));
		expect(isoUtc(toEpoch("2018-07-26T17:00:00-05:00"))).toBe("2018-07-26T22:00:00Z");
	});

	test("shows an instant in the publication's zone, not the machine's", () => {
		const epoch = toEpoch("2018-07-26T22:00:00Z");
		expect(formatDateTime(epoch, "en", "America/Mexico_City")).toBe(
			"July 26, 2018 at 5:00 PM CDT",
		);
		expect(formatDateTime(epoch, "en", "Europe/Madrid")).toBe(
			"July 27, 2018 at 12:00 AM GMT+2",
		);
		expect(formatDate(epoch, "en", "Asia/Tokyo")).toBe("July 27, 2018");
		expect(formatDate(epoch, "es", "America/Mexico_City")).toBe("26 de julio de 2018");
	});

	test.each([
		["America/Mexico_City", true],
		["UTC", true],
		["Mars/Olympus_Mons", false],
		["CDT", false],
	])("isTimeZone(%s) is %s", (zone, expected) => {
		expect(isTimeZone(zone)).toBe(expected);
	});
});

describe("formatEditionDate", () => {
	// 02:00 UTC on July 27 is still the evening of July 26 in Mexico City.
	const epoch = Date.parse("2018-07-27T02:00:00Z");
	test.each([
		["en", "America/Mexico_City", "Thursday, July 26, 2018"],
		["en", "Asia/Tokyo", "Friday, July 27, 2018"],
		["es-MX", "America/Mexico_City", "jueves, 26 de julio de 2018"],
	])("%s in %s", (language, zone, expected) => {
		expect(formatEditionDate(epoch, language, zone)).toBe(expected);
	});
});
