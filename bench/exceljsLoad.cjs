// The baseline of the 50,000-row benchmark: exceljs alone loading the same file, in its own process.
const { readFileSync } = require("node:fs");
const ExcelJS = require("exceljs");
const workbook = new ExcelJS.Workbook();
workbook.xlsx.load(readFileSync(process.argv[2])).then(() => {
  process.stdout.write(`${workbook.worksheets.length} sheets\n`);
});
