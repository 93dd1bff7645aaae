/** The real preview server (`eleventy --serve`, as `npm start` runs it) on a fixture site, for the build tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { ROOT } from "./helpers.ts";

const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() => {
				resolve(typeof address === "object" && address ? address.port : 0);
			});
		});
	});
}

/** Holds a port, as another program would, until closed. */
export function occupyPort(port: number): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(port, () => {
			resolve(server);
		});
	});
}

/** A running preview server: its terminal output so far, and pages fetched from it. */
export interface Preview {
	process: ChildProcess;
	/** Everything it printed, stdout and stderr interleaved. */
	log: () => string;
	/** The port it serves on, once known (from its own address line, else the one asked for). */
	port: () => number;
	fetchText: (href: string) => Promise<string>;
	/** Polls a page until it satisfies `ok`, as an editor waits for the reload. */
	waitFor: (href: string, ok: (text: string) => boolean, timeoutMs?: number) => Promise<string>;
	/** Waits until the terminal output satisfies `ok`. */
	waitForLog: (ok: (log: string) => boolean, timeoutMs?: number) => Promise<string>;
	stop: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `eleventy --serve` on a content folder (as DATELINE_CONTENT), asking for `port`. */
export function startPreview(content: string, output: string, port: number): Preview {
	let log = "";
	const child = spawn(
		process.execPath,
		[
			ELEVENTY,
			"--config=.eleventy.ts",
			`--output=${output}`,
			"--serve",
			`--port=${String(port)}`,
		],
		// Eleventy's input stays Dateline's empty folder; the content plugin reads this one.
		{
			cwd: ROOT,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, DATELINE_CONTENT: content },
		},
	);
	child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
	child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
	const actualPort = () => {
		const found = /Preview: http:\/\/localhost:(\d+)\//.exec(log);
		return found ? Number(found[1]) : port;
	};
	const fetchText = async (href: string) => {
		// A port held by another program may accept and never answer: give up and ask again.
		const response = await fetch(`http://127.0.0.1:${String(actualPort())}${href}`, {
			signal: AbortSignal.timeout(5_000),
		});
		return response.text();
	};
	const waitFor = async (href: string, ok: (text: string) => boolean, timeoutMs = 30_000) => {
		const until = Date.now() + timeoutMs;
		let last = "";
		while (Date.now() < until) {
			try {
				last = await fetchText(href);
				if (ok(last)) return last;
			} catch {
				// the server is still starting
			}
			await sleep(200);
		}
		throw new Error(
			`${href} never became ready; last response began: ${last.slice(0, 300)}\n--- server log ---\n${log}`,
		);
	};
	const waitForLog = async (ok: (text: string) => boolean, timeoutMs = 30_000) => {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			if (ok(log)) return log;
			await sleep(200);
		}
		throw new Error(`the server never printed what was expected:\n${log}`);
	};
	return {
		process: child,
		log: () => log,
		port: actualPort,
		fetchText,
		waitFor,
		waitForLog,
		stop: () => child.kill(),
	};
}
