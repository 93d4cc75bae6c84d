// Where the production build says the add-in is published: every https://localhost:3000/ URL of the
// manifest is rewritten to it. A production build without it (or with a URL Office would resolve
// wrongly) fails here rather than shipping a manifest that points at localhost or at a wrong folder.
/**
 * @param {string | undefined} value ADDIN_PUBLIC_URL, or --env publicUrl=…
 * @returns {string}
 */
function publicUrl(value) {
  if (!value) {
    throw new Error(
      "ADDIN_PUBLIC_URL が設定されていません。公開先の URL を指定してください（例: ADDIN_PUBLIC_URL=https://example.jp/plan-progress/ npm run build）。" +
        " / ADDIN_PUBLIC_URL is not set: give the URL the add-in is published at (e.g. ADDIN_PUBLIC_URL=https://example.jp/plan-progress/ npm run build).",
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${value}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins over https only): ${value}`);
  if (!value.endsWith("/")) {
    throw new Error(`ADDIN_PUBLIC_URL は / で終わる必要があります / ADDIN_PUBLIC_URL must end with a slash (a folder): ${value}`);
  }
  return value;
}

module.exports = { publicUrl };
