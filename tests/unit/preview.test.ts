import { describe, expect, test } from "vitest";
import { addressBanner, isWroteLine, quietWhileBroken, requestedPort } from "../../src/preview.ts";

describe("the preview's terminal", () => {
	test.each([
		["[11ty] Wrote 34 files in 0.52 seconds (v3.1.8)", true],
		["\x1b[32m[11ty] Wrote \x1b[1m1\x1b[22m file in 0.10 seconds\x1b[39m", true],
		["[11ty] Copied 3 Wrote 12 files (skipped 2) in 1.00 seconds", true],
		["[11ty] Watching…", false],
		["content/a.md:3  `title` Wrote nothing", false],
	])("%j is the build count: %s", (line, expected) => {
		expect(isWroteLine(line)).toBe(expected);
	});

	test("the build count is left out while content is broken, and only then", () => {
		let swapped: Record<string, (...args: unknown[]) => void> = {};
		const logger = {
			overrideLogger: (c: typeof swapped) => {
				swapped = c;
			},
		};
		const printed: string[] = [];
		const out = {
			log: (m: unknown) => printed.push(`log ${String(m)}`),
			info: (m: unknown) => printed.push(`info ${String(m)}`),
			warn: (m: unknown) => printed.push(`warn ${String(m)}`),
			error: (m: unknown) => printed.push(`error ${String(m)}`),
		};
		let broken = true;
		quietWhileBroken(logger, () => broken, out);
		swapped.log?.("[11ty] Wrote 34 files in 0.52 seconds");
		swapped.warn?.("[11ty] Watching…");
		broken = false;
		swapped.log?.("[11ty] Wrote 34 files in 0.52 seconds");
		expect(printed).toEqual([
			"warn [11ty] Watching…",
			"log [11ty] Wrote 34 files in 0.52 seconds",
		]);
	});

	test("a logger without overrideLogger is left alone", () => {
		expect(() => {
			quietWhileBroken({}, () => true);
		}).not.toThrow();
	});

	test.each([
		[["--serve", "--port=8090"], 8090],
		[["--serve", "--port", "8091"], 8091],
		[["--serve"], 8080],
		[["--port=nope"], 8080],
	])("the port asked for by %j is %i", (args, port) => {
		expect(requestedPort(args, 8080)).toBe(port);
	});

	test("the address is printed set apart, with why it is not the port asked for", () => {
		expect(addressBanner("http://localhost:8081/", 8080)).toBe(
			"\n  Preview: http://localhost:8081/\n  Port 8080 is in use (another preview still running?), so this one serves on 8081.\n  It rebuilds on every save; press Ctrl+C to stop it.\n\n",
		);
		expect(addressBanner("http://localhost:8080/", 8080)).toBe(
			"\n  Preview: http://localhost:8080/\n  It rebuilds on every save; press Ctrl+C to stop it.\n\n",
		);
	});
});
