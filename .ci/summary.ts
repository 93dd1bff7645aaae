/**
 * Prints the one line CI reads, `N passed, M failed`, from vitest's JSON report and the static
 * checks, after a line that says how it is made up: typecheck and lint count as one test each,
 * which is why the total is vitest's count plus two.
 */
import { readFileSync } from "node:fs";

interface Report {
	numPassedTests: number;
	numFailedTests: number;
	numTotalTestSuites: number;
	numFailedTestSuites: number;
}

const [, , exitCode = "1"] = process.argv;
let passed = 0;
let failed: number;
try {
	const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8")) as Report;
	// typecheck and lint ran (and passed) before vitest, or vitest would not have run.
	passed = report.numPassedTests + 2;
	failed = report.numFailedTests;
	// A test file that fails to load has no failed test but must still count as a failure.
	if (failed === 0 && exitCode !== "0") failed = Math.max(1, report.numFailedTestSuites);
	console.log(
		`vitest: ${String(report.numPassedTests)} passed, ${String(report.numFailedTests)} failed; typecheck and lint: 2 passed`,
	);
} catch {
	// No report: typecheck or lint failed, so vitest never ran.
	failed = 1;
	console.log("vitest did not run: typecheck or lint failed (see above)");
}
console.log(`${String(passed)} passed, ${String(failed)} failed`);
