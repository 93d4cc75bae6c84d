import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { translate } = require("../../scripts/webpack/functions-ja-plugin.js") as {
  translate: (metadata: unknown, table: unknown) => { metadata: { functions: Fn[] }; problems: string[] };
};

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
}

const english = {
  functions: [
    { id: "FISCALYEAR", name: "FISCALYEAR", description: "Returns the fiscal year", parameters: [{ name: "text", description: "A date", type: "any" }] },
  ],
};

describe("functions.ja.json", () => {
  it("takes Japanese descriptions by id and keeps ids, names and types", () => {
    const table = JSON.parse(readFileSync(resolve(__dirname, "../../src/functions/functions.ja.translations.json"), "utf8"));
    const { metadata, problems } = translate(english, table);
    expect(problems).toEqual([]);
    const fn = metadata.functions[0] as Fn;
    expect(fn).toMatchObject({ id: "FISCALYEAR", name: "FISCALYEAR" });
    expect(fn.description).toMatch(/年度/);
    expect(fn.parameters[0]).toMatchObject({ name: "text", type: "any" });
    expect(fn.parameters[0]?.description).toMatch(/令和/);
  });

  it("reports a function or parameter without Japanese text (the build fails on it)", () => {
    const { problems } = translate(english, { FISCALYEAR: { description: "年度", parameters: {} } });
    expect(problems).toEqual(["no Japanese text for FISCALYEAR(text)"]);
    expect(translate(english, {}).problems).toEqual(["no Japanese text for function FISCALYEAR"]);
  });
});
