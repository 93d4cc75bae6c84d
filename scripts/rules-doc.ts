// npm run docs:rules: writes docs/rules.md, the catalogue of finding codes, from the rules themselves.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { rulesMarkdown } from "./rulesMarkdown";

writeFileSync(resolve(__dirname, "../docs/rules.md"), rulesMarkdown());
console.log("docs/rules.md written");
