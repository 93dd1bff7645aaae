import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { mkdtemp } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { HOST_LIMITS, hostFit, measureFolder, size } from "../../src/host-fit.ts";

const GB = 1024 ** 3;

describe("the host-fit report", () => {
	test("measures a folder: files, bytes and the largest file", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-fit-"));
		await mkdir(path.join(dir, "a", "b"), { recursive: true });
		await writeFile(path.join(dir, "index.html"), "x".repeat(10));
		await writeFile(path.join(dir, "a", "b", "big.jpg"), "x".repeat(3000));
		expect(await measureFolder(dir)).toEqual({
			files: 2,
			bytes: 3010,
			largest: { file: path.join("a", "b", "big.jpg"), bytes: 3000 },
		});
	});

	test.each([
		["a small site fits both hosts", 300, 0.05 * GB, []],
		[
			"past Cloudflare's free plan",
			20_001,
			0.5 * GB,
			[
				"past Cloudflare Pages' limit of 20,000 files a site on the free plan (100,000 on paid plans)",
			],
		],
		[
			"past every Cloudflare plan and GitHub Pages",
			120_000,
			12 * GB,
			[
				"_site/ is 12.0 GB, past GitHub Pages' limit of 1.0 GB for a published site",
				"past Cloudflare Pages' limit of 100,000 files a site, even on paid plans",
			],
		],
	])("%s", (_name, files, bytes, warnings) => {
		const report = hostFit(
			{ files, bytes, largest: { file: "img/a.jpg", bytes: 1000 } },
			{ files: 21, bytes: 600_000, host: undefined, copied: 21 },
		);
		expect(report.line).toBe(
			`Host fit: _site/ holds ${files.toLocaleString("en-US")} files, ${size(bytes)} (photos included: 21 files, 586 KB).`,
		);
		expect(report.warnings).toHaveLength(warnings.length);
		warnings.forEach((w, i) => {
			expect(report.warnings[i]).toContain(w);
			expect(report.warnings[i]).toContain("serve photos from their own host");
		});
	});

	test("a file past Cloudflare's 25 MiB, and photos on their own host in the line", () => {
		const report = hostFit(
			{
				files: 10,
				bytes: 40 * 1024 ** 2,
				largest: { file: "video.mp4", bytes: 30 * 1024 ** 2 },
			},
			{ files: 1_050_000, bytes: 30 * GB, host: "https://img.example.org/", copied: 42 },
		);
		expect(report.line).toBe(
			"Host fit: _site/ holds 10 files, 40.0 MB; photos on https://img.example.org/: 1,050,000 files, 30.0 GB (42 new in _photos/).",
		);
		expect(report.warnings).toEqual([
			"_site/video.mp4 is 30.0 MB, past Cloudflare Pages' limit of 25.0 MB a file.",
		]);
	});

	test("the limits are the documented ones", () => {
		expect(HOST_LIMITS).toEqual({
			githubPagesBytes: GB,
			cloudflareFreeFiles: 20_000,
			cloudflarePaidFiles: 100_000,
			cloudflareFileBytes: 25 * 1024 ** 2,
		});
	});
});
