/**
 * What the preview server says in the terminal: the address it really serves, set apart so it
 * is not lost among build lines (Eleventy's server moves to the next port without a word when
 * 8080 is taken), and no "Wrote 34 files" after a list of problems, where it reads as success.
 */
import { parseArgs, stripVTControlCharacters, styleText } from "node:util";
import type UserConfig from "@11ty/eleventy/UserConfig";

/** The port Eleventy's server tries first. */
export const DEFAULT_PORT = 8080;

/** The methods of `console` Eleventy's logger writes through. */
interface ConsoleMethods {
	log(...args: unknown[]): void;
	info(...args: unknown[]): void;
	warn(...args: unknown[]): void;
	error(...args: unknown[]): void;
}

/** Eleventy's ConsoleLogger: `overrideLogger` swaps the console it writes to. */
interface EleventyLogger {
	overrideLogger(logger: ConsoleMethods | false): void;
}

/** Whether a line is Eleventy's end-of-build count, e.g. "[11ty] Wrote 34 files in 0.52 seconds". */
export function isWroteLine(text: string): boolean {
	return /\bWrote \d+ files?\b/.test(stripVTControlCharacters(text));
}

/**
 * Routes Eleventy's log lines through `out`, leaving out its "Wrote N files" line while
 * `broken()` says the content has problems: the problem list is then the last word.
 */
export function quietWhileBroken(
	logger: unknown,
	broken: () => boolean,
	out: ConsoleMethods = console,
): void {
	const target = logger as Partial<EleventyLogger> | undefined;
	if (typeof target?.overrideLogger !== "function") return;
	const pass =
		(type: keyof ConsoleMethods) =>
		(...args: unknown[]) => {
			if (broken() && args.some((a) => typeof a === "string" && isWroteLine(a))) return;
			out[type](...args);
		};
	target.overrideLogger({
		log: pass("log"),
		info: pass("info"),
		warn: pass("warn"),
		error: pass("error"),
	});
}

/** The port asked for with `--port`, else the one configured. */
export function requestedPort(args: string[], configured: number): number {
	const { values } = parseArgs({
		args,
		strict: false,
		options: { port: { type: "string" } },
	});
	const port = Number(values.port);
	return Number.isInteger(port) && port > 0 ? port : configured;
}

/** The lines that give the preview's address, and why it is not the port asked for. */
export function addressBanner(url: string, requested: number): string {
	const actual = Number(new URL(url).port);
	const moved =
		actual === requested
			? ""
			: `\n  Port ${String(requested)} is in use (another preview still running?), so this one serves on ${String(actual)}.`;
	const address = styleText("bold", `Preview: ${url}`, { stream: process.stdout });
	return `\n  ${address}${moved}\n  It rebuilds on every save; press Ctrl+C to stop it.\n\n`;
}

/** Prints the preview's real address once the server listens. */
export default function previewPlugin(eleventyConfig: UserConfig): void {
	eleventyConfig.setServerOptions({
		messageOnStart: ({
			localhostUrl,
			options,
		}: {
			localhostUrl: string;
			options: { port?: number };
		}) => {
			const requested = requestedPort(process.argv.slice(2), options.port ?? DEFAULT_PORT);
			process.stdout.write(addressBanner(localhostUrl, requested));
			// Eleventy's own "Server at ..." line would say the same, less visibly.
			return false;
		},
	});
}
