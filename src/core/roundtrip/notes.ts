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
  | "errorValue";

export type NoticeKind = "noIdentity" | "formulaValue" | "textLikeFormula" | "ignoredContent" | "masterChangedKept" | "newerTaken";

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

type Data = Partial<Pick<MergeNote, "department" | "item" | "header" | "cell" | "before" | "after">> & { detail?: string; other?: string; date?: string; parts?: string };

const ITEM = (d: Data) => (d.item ? `No.${d.item}` : "");

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
  superseded: (d) => ({
    ja: `${d.department ?? ""}からの回答が 2 つあります。新しい「${d.other ?? ""}」（${d.date ?? "日時不明"}）を取り込み、このファイルは取り込みません。`,
    en: `Two answers from ${d.department ?? ""}: the newer "${d.other ?? ""}" (${d.date ?? "time unknown"}) is taken, not this file.`,
  }),
  newerTaken: (d) => ({
    ja: `${d.department ?? ""}からの回答が 2 つあります。このファイル（${d.date ?? "日時不明"}）のほうが新しいので取り込みます。`,
    en: `Two answers from ${d.department ?? ""}: this one (${d.date ?? "time unknown"}) is the newer and is taken.`,
  }),
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
  itemGone: (d) => ({ ja: `${ITEM(d)} はいまの表にありません。取り込みません。`, en: `${ITEM(d)} is no longer in the table. Not taken.` }),
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
]);

/** A note of a kind, its sentence filled. */
export function noteOf(kind: ConflictKind | NoticeKind, file: string, data: Data = {}): MergeNote {
  const { detail: _d, other: _o, date: _t, parts: _p, ...kept } = data;
  return { kind, conflict: CONFLICTS.has(kind), file, ...kept, message: NOTE_TEXT[kind](data) };
}
