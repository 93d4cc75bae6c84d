// The one cross-origin rule the add-in needs. Excel on the web reads the custom functions' metadata,
// functions.json (functions.ja.json in Japanese), from its own origin, so the host must allow that
// read: "enable CORS so that Office can access the functions.json file"
// (https://learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code#deploy-custom-functions-for-excel).
// Without it the request is blocked ("No 'Access-Control-Allow-Origin' header is present on the
// requested resource", https://github.com/OfficeDev/Excel-Custom-Functions/issues/212) and every
// =PLAN.… formula shows #NAME?. Excel's origins are many and change
// (https://github.com/OfficeDev/office-js-docs-pr/issues/2956), hence "*"; the two files are public
// metadata, the same for everyone. No other file is readable from another origin: the page, the
// scripts and the sample stay same-origin.
//
// The development server applies this rule (webpack.config.js), and every host configuration shipped
// in this folder states it (tests/unit/buildConfig.test.ts holds them to this list).
const CORS_PATHS = ["/functions.json", "/functions.ja.json"];
const CORS_HEADERS = { "Access-Control-Allow-Origin": "*" };

/** The cross-origin headers of one response: the rule's for a GET of a metadata file, none otherwise. */
function corsHeaders(method, url) {
  const path = new URL(url || "/", "http://localhost").pathname;
  return method === "GET" && CORS_PATHS.includes(path) ? { ...CORS_HEADERS } : {};
}

module.exports = { CORS_PATHS, CORS_HEADERS, corsHeaders };
