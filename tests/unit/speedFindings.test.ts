import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedRows, nextYearMeta, nextYearRows, seedMeta } from "../../bench/generate";
import { run } from "../../src/cli/run";
import { buildProgressWorkbook } from "../../src/xlsx/progressWorkbook";

/**
 * What the command line finds in a generated 3,000-row workbook (and in its comparison with the next
 * year), pinned to the output of the code before the speed work (the reader's Node decoding and
 * tokenizer, TEXT_DUPLICATE's in-place scan, numbers formatted without Intl, the streamed JSON): the
 * whole --json text, byte for byte, as a SHA-256, with the count of each code to say where a change is.
 * The same comparison on the samples and on 50,000 rows is described in docs/development.md ("bench").
 * A change of what a rule finds changes these on purpose: record the new values with the reason.
 * The values are those of main's built command line before the speed work (checked again against it
 * when findings gained `years`, which a table that is not a year grid does not write).
 */
const PINNED = {
  check: {
    sha256: "11498a1a60ecf58c09a701758b1f29a9772eb6750de1d98ce42da3be1419e966",
    codes: { RATING_OVERSTATED: 70, DEPARTMENT_MISSING: 349, PLAN_MISSING: 140, RESULT_MISSING: 767, RATING_UNDERSTATED: 69, TEXT_DUPLICATE: 69, NOT_EVALUABLE: 2162, TARGET_INTERIM: 70, RATING_S_CANDIDATE: 140 },
  },
  checkEnglish: { sha256: "a3a34b5941f1ccc4b0b4f53b3e3907d956ae7da9eaa55f3bc4ea20b98bc9c532" },
  diff: {
    sha256: "33914a25dcff6b77abf6efb682f7f9fdd5d5ada41942ebdbbc0e0ad659a8ae04",
    codes: { RESULT_UNCHANGED_RATING_UP: 106, RATING_DOWN: 274, ITEM_REMOVED: 20, RATING_UP: 45, ITEM_RENUMBERED: 10, ITEM_ADDED: 5 },
  },
};

let dir = "";
let thisYear = "";
let nextYear = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "plan-progress-findings-"));
  const rows = generatedRows(3000, { ownTitles: true });
  thisYear = join(dir, "rows3000.xlsx");
  nextYear = join(dir, "rows3000-next.xlsx");
  writeFileSync(thisYear, new Uint8Array(await buildProgressWorkbook(seedMeta(), rows).xlsx.writeBuffer()));
  writeFileSync(nextYear, new Uint8Array(await buildProgressWorkbook(nextYearMeta(), nextYearRows(rows)).xlsx.writeBuffer()));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command's standard output as it is written, the files named as the pinned run named them. */
async function output(...argv: string[]): Promise<string> {
  const lines: string[] = [];
  await run(argv, { out: (line) => lines.push(`${line}\n`), err: () => undefined, version: "0" });
  return lines.join("").replaceAll(JSON.stringify(thisYear), '"rows3000.xlsx"').replaceAll(JSON.stringify(nextYear), '"rows3000-next.xlsx"');
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function codes(json: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of (JSON.parse(json) as { findings: { code: string }[] }).findings) counts[finding.code] = (counts[finding.code] ?? 0) + 1;
  return counts;
}

describe("the findings of a generated 3,000-row workbook, as before the speed work", () => {
  it("check --json, in Japanese and in English", async () => {
    const ja = await output("check", thisYear, "--json");
    expect(codes(ja)).toEqual(PINNED.check.codes);
    expect(sha256(ja)).toBe(PINNED.check.sha256);
    expect(sha256(await output("check", thisYear, "--json", "--lang", "en"))).toBe(PINNED.checkEnglish.sha256);
  }, 60_000);

  it("diff --json with the next year", async () => {
    const diff = await output("diff", thisYear, nextYear, "--json");
    expect(codes(diff)).toEqual(PINNED.diff.codes);
    expect(sha256(diff)).toBe(PINNED.diff.sha256);
  }, 60_000);
});
