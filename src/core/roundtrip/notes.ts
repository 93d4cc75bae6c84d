import type { Localized } from "../text/localized";

/**
 * What a merge says about the answers (docs/contracts/roundtrip.md, "Conflicts"): a conflict is listed
 * and not applied; a notice is applied and said.
 */
export type ConflictKind =
  | "fileRefused"
  | "noForm"
  | "otherMaster"
  | "otherYear"
  | "unknownDepartment"
  | "superseded"
  | "lockedChanged"
  | "rowAdded"
  | "rowDeleted"
  | "rowMoved"
  | "otherDepartmentRow"
  | "titleMismatch"
  | "itemGone"
  | "changedInBoth"
  | "answeredDifferently"
  | "errorValue"
  | "ratingNotOnScale"
  | "tooLong";

export type NoticeKind =
  | "noIdentity"
  | "formulaValue"
  | "textLikeFormula"
  | "ignoredContent"
  | "masterChangedKept"
  | "newerTaken"
  | "renumbered"
  | "masterRowChanged"
  | "ratingFolded";

export interface MergeNote {
  kind: ConflictKind | NoticeKind;
  /** A conflict is not applied; a notice is. */
  conflict: boolean;
  /** The returned file it is about. */
  file: string;
  department?: string;
  /** The item label ("12", "4-1"). */
  item?: string;
  /** The column's header as the master writes it. */
  header?: string;
  /** Where in the returned file ("調書!F7"), or in the master. */
  cell?: string;
  /** The master's value and the returned one, where a cell is concerned. */
  before?: string;
  after?: string;
  message: Localized;
}

const q = (text: string | undefined, max = 40) => {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  return `「${t.length > max ? `${t.slice(0, max)}…` : t}」`;
};

/**
 * How two answers of one department were told apart: by their saved times (`newer`), or, the times being
 * equal (`same`) or not telling (`unknown`: none, or the form's own time kept by the program that saved
 * it), by the order the files were given.
 */
export type AnswerOrder = "newer" | "same" | "unknown";

type Data = Partial<Pick<MergeNote, "department" | "item" | "header" | "cell" | "before" | "after">> & {
  detail?: string;
  other?: string;
  /** A time as the notes say it, in Japan time ("2021-05-14 08:30"); the sentence says the zone. */
  date?: string;
  parts?: string;
  /** How a row is named to people when its No. is not written (a table numbered by row order): 「物件費の削減」. */
  label?: string;
  order?: AnswerOrder;
};

const ITEM = (d: Data) => d.label ?? (d.item ? `No.${d.item}` : "");
const JA_TIME = (date: string | undefined) => (date ? `${date} 日本時間` : "日時不明");
const EN_TIME = (date: string | undefined) => (date ? `${date} JST` : "time unknown");

/** Each kind's sentence, Japanese first, with the values of the note. */
export const NOTE_TEXT: Readonly<Record<ConflictKind | NoticeKind, (d: Data) => Localized>> = {
  fileRefused: (d) => ({ ja: `読み込めないため取り込みません: ${d.detail ?? ""}`, en: `Not read, so not taken: ${d.detail ?? ""}` }),
  noForm: () => ({
    ja: "調書の表が見つかりません（見出し「No.」「評価」の行がありません）。取り込みません。",
    en: "No form table found (no header row with No. and the rating). Not taken.",
  }),
  otherMaster: (d) => ({ ja: `別の計画（${d.other ?? ""}）の調書です。取り込みません。`, en: `A form of another plan (${d.other ?? ""}). Not taken.` }),
  otherYear: (d) => ({ ja: `${d.other ?? "別の年度"}の調書です（この表は${d.detail ?? ""}）。取り込みません。`, en: `A form of another fiscal year (${d.other ?? ""}; this table: ${d.detail ?? ""}). Not taken.` }),
  unknownDepartment: (d) => ({
    ja: d.department ? `担当課「${d.department}」はこの表にありません。取り込みません。` : "どの担当課の調書かわかりません。取り込みません。",
    en: d.department ? `Department "${d.department}" is not in this table. Not taken.` : "Which department's form it is cannot be told. Not taken.",
  }),
  superseded: (d) =>
    d.order === "same"
      ? {
          ja: `${d.department ?? ""}からの回答が 2 つあり、保存日時が同じ（${JA_TIME(d.date)}）です。後に指定した「${d.other ?? ""}」を取り込み、このファイルは取り込みません。`,
          en: `Two answers from ${d.department ?? ""}, saved at the same time (${EN_TIME(d.date)}): "${d.other ?? ""}", given later, is taken, not this file.`,
        }
      : d.order === "unknown"
        ? {
            ja: `${d.department ?? ""}からの回答が 2 つあり、保存日時からはどちらが新しいかわかりません。後に指定した「${d.other ?? ""}」を取り込み、このファイルは取り込みません。`,
            en: `Two answers from ${d.department ?? ""}, and their saved times do not tell which is newer: "${d.other ?? ""}", given later, is taken, not this file.`,
          }
        : {
            ja: `${d.department ?? ""}からの回答が 2 つあります。新しい「${d.other ?? ""}」（${JA_TIME(d.date)}）を取り込み、このファイルは取り込みません。`,
            en: `Two answers from ${d.department ?? ""}: the newer "${d.other ?? ""}" (${EN_TIME(d.date)}) is taken, not this file.`,
          },
  newerTaken: (d) =>
    d.order === "same"
      ? {
          ja: `${d.department ?? ""}からの回答が 2 つあり、保存日時が同じ（${JA_TIME(d.date)}）です。後に指定したこのファイルを取り込みます。`,
          en: `Two answers from ${d.department ?? ""}, saved at the same time (${EN_TIME(d.date)}): this one, given later, is taken.`,
        }
      : d.order === "unknown"
        ? {
            ja: `${d.department ?? ""}からの回答が 2 つあり、保存日時からはどちらが新しいかわかりません。後に指定したこのファイルを取り込みます。`,
            en: `Two answers from ${d.department ?? ""}, and their saved times do not tell which is newer: this one, given later, is taken.`,
          }
        : {
            ja: `${d.department ?? ""}からの回答が 2 つあります。このファイル（${JA_TIME(d.date)}）のほうが新しいので取り込みます。`,
            en: `Two answers from ${d.department ?? ""}: this one (${EN_TIME(d.date)}) is the newer and is taken.`,
          },
  lockedChanged: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」は変更できないセルですが、${q(d.before)} → ${q(d.after)} に変わっています（保護を解除して変更したようです）。取り込みません。`,
    en: `${ITEM(d)} "${d.header ?? ""}" is locked but was changed from ${q(d.before)} to ${q(d.after)} (the protection was removed). Not taken.`,
  }),
  rowAdded: (d) => ({
    ja: `調書に行が加えられています（${d.cell ?? ""}${d.after ? ` ${q(d.after)}` : ""}）。取り込みません。項目を加えるときは表に直接加えてください。`,
    en: `A row was added to the form (${d.cell ?? ""}${d.after ? ` ${q(d.after)}` : ""}). Not taken: add items to the table itself.`,
  }),
  rowDeleted: (d) => ({
    ja: `${ITEM(d)}${d.before ? ` ${q(d.before)}` : ""} の行が調書から削除されています。この項目の回答はありません。`,
    en: `The row of ${ITEM(d)}${d.before ? ` ${q(d.before)}` : ""} was deleted from the form: no answer for it.`,
  }),
  rowMoved: (d) => ({
    ja: `${ITEM(d)} の行が並べ替えられています（${d.cell ?? ""}）。行の取り違えを避けるため取り込みません。`,
    en: `The row of ${ITEM(d)} was moved (${d.cell ?? ""}). Not taken, so that no answer lands on the wrong row.`,
  }),
  otherDepartmentRow: (d) => ({
    ja: `${ITEM(d)} は${d.other ? `「${d.other}」の` : "ほかの担当課の"}項目です。${d.department ?? ""}の回答としては取り込みません。`,
    en: `${ITEM(d)} belongs to ${d.other || "another department"}: not taken as ${d.department ?? ""}'s answer.`,
  }),
  titleMismatch: (d) => ({
    ja: `${ITEM(d)} の項目名が表と違います（${q(d.after)}、表は ${q(d.before)}）。取り込みません。`,
    en: `The title of ${ITEM(d)} differs from the table's (${q(d.after)}; the table has ${q(d.before)}). Not taken.`,
  }),
  itemGone: (d) => ({
    ja: `${ITEM(d)}${d.before ? ` ${q(d.before)}` : ""} はいまの表に見つかりません（番号・項目名・内容が変わったか、削除されたようです）。取り込みません。`,
    en: `${ITEM(d)}${d.before ? ` ${q(d.before)}` : ""} is not found in the table now (renumbered, retitled or deleted). Not taken.`,
  }),
  changedInBoth: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」は、調書を送ったあとに表でも変更されています（表 ${q(d.before)}、回答 ${q(d.after)}）。上書きしません。`,
    en: `${ITEM(d)} "${d.header ?? ""}" was also changed in the table after the form was sent (table ${q(d.before)}, answer ${q(d.after)}). Not overwritten.`,
  }),
  answeredDifferently: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」に、共同で担当する課から違う回答があります（${d.department ?? ""}: ${q(d.after)}、${d.detail ?? ""}）。どちらも取り込みません。`,
    en: `${ITEM(d)} "${d.header ?? ""}" was answered differently by the departments sharing it (${d.department ?? ""}: ${q(d.after)}, ${d.detail ?? ""}). Neither is taken.`,
  }),
  errorValue: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」（${d.cell ?? ""}）はエラー値か、結果が保存されていない式です。取り込みません。`,
    en: `${ITEM(d)} "${d.header ?? ""}" (${d.cell ?? ""}) holds an error value or a formula without a saved result. Not taken.`,
  }),
  ratingNotOnScale: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」の回答 ${q(d.after)} は、この計画の評価の記号（${d.detail ?? ""}）にありません。取り込みません。`,
    en: `${ITEM(d)} "${d.header ?? ""}": the answer ${q(d.after)} is none of the plan's rating symbols (${d.detail ?? ""}). Not taken.`,
  }),
  tooLong: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」（${d.cell ?? ""}）の回答は ${d.detail ?? ""} 文字で、1 つのセルに入る ${d.other ?? ""} 文字を超えています。取り込みません（ほかの回答は取り込みます）。`,
    en: `${ITEM(d)} "${d.header ?? ""}" (${d.cell ?? ""}): the answer is ${d.detail ?? ""} characters, more than the ${d.other ?? ""} a cell holds. Not taken (the other answers are).`,
  }),
  noIdentity: (d) => ({
    ja: `調書の識別情報がありません（別のブックに写したようです）。担当課「${d.department ?? ""}」の調書として、No. と項目名で照合しました。`,
    en: `The form carries no identity (copied into another workbook?): matched as ${d.department ?? ""}'s form by No. and title.`,
  }),
  formulaValue: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」（${d.cell ?? ""}）は式です。式ではなく、保存されていた値 ${q(d.after)} を取り込みます。`,
    en: `${ITEM(d)} "${d.header ?? ""}" (${d.cell ?? ""}) is a formula: its saved value ${q(d.after)} is taken, not the formula.`,
  }),
  textLikeFormula: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」は = + - @ で始まりますが、式ではなく文字として取り込みます。`,
    en: `${ITEM(d)} "${d.header ?? ""}" starts with = + - or @: taken as text, never as a formula.`,
  }),
  ignoredContent: (d) => ({ ja: `ファイルの ${d.parts ?? ""} は無視しました（値だけを読みます）。`, en: `Ignored in the file: ${d.parts ?? ""} (only values are read).` }),
  renumbered: (d) => ({
    ja: `調書を送ったあとに表の番号が変わっています（${d.detail ?? ""}）。回答は、いまの番号の行に取り込みます。`,
    en: `The table was renumbered after the form was sent (${d.detail ?? ""}): the answers go to the rows' numbers now.`,
  }),
  masterRowChanged: (d) => ({
    ja: `${ITEM(d)} の${d.detail ?? ""}は、調書を送ったあとに表で変更されています（担当課の変更ではありません）。回答はこの行に取り込みます。`,
    en: `${ITEM(d)}: ${d.detail ?? ""} changed in the table after the form was sent (not by the department). The answers go to this row.`,
  }),
  ratingFolded: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」の回答 ${q(d.before)} を「${d.after ?? ""}」として取り込みます（評価の記号に揃えました）。`,
    en: `${ITEM(d)} "${d.header ?? ""}": the answer ${q(d.before)} is taken as "${d.after ?? ""}" (the rating symbol).`,
  }),
  masterChangedKept: (d) => ({
    ja: `${ITEM(d)} の「${d.header ?? ""}」は調書を送ったあとに表で変更されていて、回答では変わっていないため、表の値 ${q(d.before)} のままにします。`,
    en: `${ITEM(d)} "${d.header ?? ""}" was changed in the table after the form was sent and not in the answer: the table's ${q(d.before)} is kept.`,
  }),
};

const CONFLICTS: ReadonlySet<string> = new Set<ConflictKind>([
  "fileRefused",
  "noForm",
  "otherMaster",
  "otherYear",
  "unknownDepartment",
  "superseded",
  "lockedChanged",
  "rowAdded",
  "rowDeleted",
  "rowMoved",
  "otherDepartmentRow",
  "titleMismatch",
  "itemGone",
  "changedInBoth",
  "answeredDifferently",
  "errorValue",
  "ratingNotOnScale",
  "tooLong",
]);

/** A note of a kind, its sentence filled. */
export function noteOf(kind: ConflictKind | NoticeKind, file: string, data: Data = {}): MergeNote {
  const { detail: _d, other: _o, date: _t, parts: _p, label: _l, order: _r, ...kept } = data;
  return { kind, conflict: CONFLICTS.has(kind), file, ...kept, message: NOTE_TEXT[kind](data) };
}
