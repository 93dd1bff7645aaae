/**
 * `npm run cms`: the preview server (as `npm start`) with the CMS at /admin/, and decap-server
 * beside it, so the CMS edits the working copy with no login. Both stop together.
 *
 *   npm run cms [-- --port 8080 --proxy-port 8081 --input content --output _site]
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROXY_ENV } from "../cms/plugin.ts";

const { values } = parseArgs({
	options: {
		port: { type: "string", default: "8080" },
		"proxy-port": { type: "string", default: "8081" },
		// The content folder; Eleventy's own input stays its empty folder (see .eleventy.ts).
		input: { type: "string", default: process.env.DATELINE_CONTENT || "content" },
		output: { type: "string", default: "_site" },
	},
});
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const bin = (file: string) => path.join(ROOT, "node_modules", file);
const contentDir = path.resolve(values.input);
// decap-server writes paths relative to its folder; config.yml names them from the folder
// that holds content/, as a repository does.
const repoDir = path.dirname(contentDir);
// Loopback only: decap-server writes files for anyone who can reach it, with no login.
const proxyUrl = `http://127.0.0.1:${values["proxy-port"]}/api/v1`;

const children: ChildProcess[] = [];
function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	const child = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		cwd: ROOT,
		stdio: ["ignore", "inherit", "inherit"],
	});
	child.on("exit", (code, signal) => {
		// One without the other is no CMS: stop both.
		if (!stopping) {
			process.stderr.write(`[cms] ${name} stopped (${signal ?? String(code)}); stopping.\n`);
			stop(code ?? 1);
		}
	});
	children.push(child);
	return child;
}

let stopping = false;
function stop(code: number): void {
	stopping = true;
	for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
	process.exitCode = code;
}
process.on("SIGINT", () => {
	stop(0);
});
process.on("SIGTERM", () => {
	stop(0);
});

run("decap-server", [bin("decap-server/dist/index.js")], {
	PORT: values["proxy-port"],
	BIND_HOST: "127.0.0.1",
	MODE: "fs",
	GIT_REPO_DIRECTORY: repoDir,
	LOG_LEVEL: "warn",
});
run(
	"the preview server",
	[
		bin("@11ty/eleventy/cmd.cjs"),
		"--config=.eleventy.ts",
		`--output=${path.resolve(values.output)}`,
		"--serve",
		`--port=${values.port}`,
	],
	{ [PROXY_ENV]: proxyUrl, DATELINE_CONTENT: contentDir },
);
process.stdout.write(
	`[cms] The CMS is at http://localhost:${values.port}/admin/, editing ${contentDir} through decap-server on ${proxyUrl}.\n`,
);
