/** Everything the command line prints for people, Japanese first. */
const ja = {
  usage: `使い方: plan-progress <コマンド> [オプション]

コマンド:
  fy TEXT          年度を表示します（例: plan-progress fy 令和3年3月末 → 2020）

共通オプション:
  --lang ja|en     表示言語（既定: ja）
  -h, --help       このヘルプを表示します
  -v, --version    バージョンを表示します`,
  fyUsage: `使い方: plan-progress fy TEXT [--lang ja|en]

TEXT の年度（4月〜翌3月）を西暦で表示します。
  令和2年度 → 2020   R5年度 → 2023   平成31年度 → 2019   令和3年3月末 → 2020`,
  unknownCommand: (name: string) => `不明なコマンドです: ${name}（plan-progress --help で一覧を表示）`,
  missingText: "TEXT を指定してください（例: plan-progress fy 令和3年3月末）",
  fyNotFound: (text: string) => `年度が読み取れません: ${text}`,
  badOption: (detail: string) => `オプションが正しくありません: ${detail}`,
};

export type CliMessages = typeof ja;

const en: CliMessages = {
  usage: `Usage: plan-progress <command> [options]

Commands:
  fy TEXT          prints the fiscal year (e.g. plan-progress fy 令和3年3月末 → 2020)

Options:
  --lang ja|en     language of messages (default: ja)
  -h, --help       shows this help
  -v, --version    shows the version`,
  fyUsage: `Usage: plan-progress fy TEXT [--lang ja|en]

Prints the fiscal year (April to March) of TEXT as a western year.
  令和2年度 → 2020   R5年度 → 2023   平成31年度 → 2019   令和3年3月末 → 2020`,
  unknownCommand: (name: string) => `Unknown command: ${name} (plan-progress --help lists them)`,
  missingText: "Give the TEXT (e.g. plan-progress fy 令和3年3月末)",
  fyNotFound: (text: string) => `No fiscal year found in: ${text}`,
  badOption: (detail: string) => `Invalid option: ${detail}`,
};

export const CLI_MESSAGES = { ja, en } as const;
export type CliLocale = keyof typeof CLI_MESSAGES;
