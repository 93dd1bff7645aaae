import { describe, expect, test } from "vitest";
import { limiter, mapLimit } from "../../src/concurrency.ts";

/** A task that records how many run at once, and settles after a tick. */
function tracked() {
	let active = 0;
	let most = 0;
	const order: number[] = [];
	const task = async (n: number) => {
		active++;
		most = Math.max(most, active);
		order.push(n);
		await new Promise((resolve) => setTimeout(resolve, 1));
		active--;
		return n * 2;
	};
	return { task, most: () => most, order };
}

describe("mapLimit", () => {
	test("keeps results in order with at most `limit` calls in flight", async () => {
		const t = tracked();
		expect(await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, t.task)).toEqual([2, 4, 6, 8, 10, 12, 14]);
		expect(t.most()).toBe(3);
	});

	test("an empty list gives an empty list", async () => {
		expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
	});
});

describe("limiter", () => {
	test("runs at most `n` at once, starting them in the order given", async () => {
		const t = tracked();
		const limit = limiter(2);
		const results = await Promise.all([1, 2, 3, 4, 5].map((n) => limit(() => t.task(n))));
		expect(results).toEqual([2, 4, 6, 8, 10]);
		expect(t.most()).toBe(2);
		expect(t.order).toEqual([1, 2, 3, 4, 5]);
	});

	test("a failing task frees its slot", async () => {
		const limit = limiter(1);
		await expect(limit(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
		expect(await limit(() => Promise.resolve("next"))).toBe("next");
	});
});
