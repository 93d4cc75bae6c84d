import { findFiscalYear } from "../fiscalYear";
import { maskNonValues, valuePhraseEnd } from "../metrics/extract";
import { findQuantities } from "../quantity/quantity";
import { UNIT_WORDS } from "../quantity/units";
import { labelSimilarity } from "../rating/pairing";
import { foldText } from "../text/fold";
import { CIRCLED } from "../text/markers";
import { NO_JUDGEMENT } from "./legend";
import { gluedHeaderRoles, headerRole, type HeaderRole, type Role } from "./roles";

/**
 * A published progress report's text from any city, as a person gets it by copying a web page or a PDF
 * (docs/contracts/rating.md, "Importing a report's text"). Five layouts are read, each the way one or
 * more of the corpus' published.txt files lay a table out (tests/fixtures/cities/):
 *
 * - "table": a header row naming the target, the result and the rating (平成18年度目標 | 平成18年度実績 |
 *   自己評価), cells split by tabs or bars, or run together as text extraction leaves them; the line above
 *   the header is the item's heading (Sado).
 * - "blocks": item headings (1.財政効果額(平成16〜18年度)) each followed by 目標 and 実績 lines, the rating
 *   written inside the result (…(目標達成)) (Arao).
 * - "form": one sheet per item: 事務事業名 … 所管課 …, a rating beside its header (達成度 3), and a year grid
 *   (年度 | 現状 | 2008年度 | …) whose 事業目標 and 実績 rows hold multi-line cells (Kawasaki).
 * - "yearGrid": PDF text in one run: targets in a numbered list, results in a grid of years across
 *   (項目 H23 H24 H25 H26 判定), the values of the last year evaluated (Seki).
 * - "sideways": PDF text in one run, items across as columns (運営事業名 大会議室 和室 …) and the rows
 *   目標値 / 実績値 / 評価 down (Shimoda).
 *
 * The reader keeps every text as published; what it could not place it says in `notes`.
 */
export type CityLayout = "table" | "blocks" | "form" | "yearGrid" | "sideways";

export interface CityRow {
  /** The item number written in a No. column, when the table has one. */
  no?: number;
  title: string;
  category: string;
  department: string;
  plan: string;
  result: string;
  /** The rating as written ("" when none). */
  rating: string;
  notes: string;
}

export interface CityReading {
  layout: CityLayout;
  rows: CityRow[];
  /** The year evaluated and what said so (a header, a line, the grid's last year). */
  fiscalYear?: number;
  yearSource?: string;
  title: string;
  /** What was read and what was left, in Japanese (for the command's output). */
  notes: string[];
}

const lineOf = (text: string) => foldText(text).replace(/\s+/g, " ").trim();

/** Fields of a line: tab- or bar-separated, the trailing empty field a bar leaves removed. */
function fieldsOf(line: string): string[] {
  const separator = line.includes("\t") ? "\t" : line.includes("|") ? "|" : undefined;
  if (!separator) return [line.trim()];
  const fields = line.split(separator).map((f) => f.trim());
  while (fields.length > 1 && fields[fields.length - 1] === "") fields.pop();
  return fields;
}

/** The rating symbols a cell may hold: letters, digits of a 1–5 scale, marks, and words. */
const RATING_TOKEN = /^(?:[SA-E]|[1-5]|[◎○△×●◯]|目標達成|達成|未達成|概ね達成|一部達成)$/;

const isRatingToken = (text: string) => RATING_TOKEN.test(text.replace(/\s+/g, "")) || NO_JUDGEMENT.test(text.replace(/\s+/g, ""));

/** 市民環境部による自己評価: the department the page speaks for. */
const DEPARTMENT_PAGE = /^(.{2,20}?(?:部|課|局|室|委員会|事務局|所|センター))(?:による|の)(?:自己)?評価/;

/** The title of the document: its first line, cut at a space within 40 characters when it runs on (PDF text). */
function documentTitle(lines: readonly string[]): string {
  const first = lines.map(lineOf).find((l) => l !== "") ?? "";
  if (first.length <= 40) return first;
  const cut = first.lastIndexOf(" ", 40);
  return first.slice(0, cut > 10 ? cut : 40);
}

// ---------------------------------------------------------------------------------------------
// "table": a header row and rows under it

interface Header {
  roles: HeaderRole[];
  glued: boolean;
}

function headerOf(line: string): Header | undefined {
  const fields = fieldsOf(line);
  if (fields.length >= 2) {
    const roles = fields.map((f) => headerRole(f));
    if (roles.every((r) => r !== undefined)) {
      const kinds = new Set(roles.map((r) => r?.role));
      if ((kinds.has("plan") && kinds.has("result")) || (kinds.has("rating") && (kinds.has("plan") || kinds.has("result")))) return { roles: roles as HeaderRole[], glued: false };
    }
    return undefined;
  }
  const glued = gluedHeaderRoles(line);
  if (!glued) return undefined;
  const kinds = new Set(glued.map((r) => r.role));
  return kinds.has("plan") && kinds.has("result") ? { roles: glued, glued: true } : undefined;
}

/**
 * The cells of a row text extraction ran together (…対前年比6.1%減額6.2%減額A): the rating at the end,
 * the target up to the end of its first value's phrase where a number starts at once, the result after.
 */
function splitGlued(line: string, roles: readonly HeaderRole[]): string[] | undefined {
  const text = line.trim();
  const order = roles.map((r) => r.role);
  let rest = text;
  let rating = "";
  if (order[order.length - 1] === "rating") {
    const m = /(?:[SA-E]|[◎○△×]|目標達成|未達成|達成)$/.exec(rest);
    if (!m) return undefined;
    rating = m[0];
    rest = rest.slice(0, m.index);
  }
  const folded = foldText(rest);
  const quantities = findQuantities(maskNonValues(folded));
  for (const q of quantities) {
    const end = valuePhraseEnd(folded, q);
    if (end < folded.length && /[0-9△▲]/.test(folded[end] ?? "")) {
      const cells = [rest.slice(0, end), rest.slice(end)];
      return order[order.length - 1] === "rating" ? [...cells, rating] : cells;
    }
  }
  return undefined;
}

function readTables(lines: readonly string[]): CityRow[] {
  const rows: CityRow[] = [];
  let department = "";
  let previous = "";
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    const plain = lineOf(line);
    const page = DEPARTMENT_PAGE.exec(plain);
    if (page?.[1]) department = page[1];
    const header = headerOf(line);
    if (!header) {
      if (plain) previous = line.trim();
      continue;
    }
    const heading = previous;
    const found: { row: CityRow; indicator?: string }[] = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const next = lines[j] ?? "";
      if (next.trim() === "") break;
      const cells = header.glued ? splitGlued(next, header.roles) : fieldsOf(next);
      if (!cells || cells.length !== header.roles.length || headerOf(next)) break;
      const cell = (role: Role) => cells[header.roles.findIndex((r) => r.role === role)] ?? "";
      const plan = cell("plan");
      const written = foldText(cell("no")).trim();
      const row: CityRow = {
        title: cell("title") || heading,
        category: cell("category") || heading,
        department: cell("department") || department,
        plan,
        result: cell("result"),
        rating: cell("rating"),
        notes: "",
      };
      if (/^\d{1,4}$/.test(written)) row.no = Number(written);
      found.push({ row, indicator: /^([^:：]{2,30})[:：]/.exec(plan.trim())?.[1] });
    }
    // Several rows under one heading and no title column: each row is named by its heading and the
    // indicator its target names (市税等の財源確保：口座振替率).
    const named = found.length > 1 && !header.roles.some((r) => r.role === "title");
    found.forEach(({ row, indicator }, k) => {
      if (named) row.title = heading ? `${heading}：${indicator ?? String(k + 1)}` : (indicator ?? String(k + 1));
      rows.push(row);
    });
    i = j - 1;
    previous = "";
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// "blocks": N.title, then 目標 / 実績 lines

const ITEM_HEADING = /^(\d{1,3})\s*[.．、]\s*(\S.*)$/;
/** (目標達成) at the end of a result: the rating written inside it. */
const RATING_IN_TEXT = /[(（]\s*(目標達成|未達成|達成|概ね達成|一部達成)\s*[)）]\s*$/;

function readBlocks(lines: readonly string[]): CityRow[] {
  const rows: CityRow[] = [];
  let current: { title: string; plans: string[]; results: string[] } | undefined;
  let expecting: "plan" | "result" | undefined;
  const flush = () => {
    if (current && (current.plans.length > 0 || current.results.length > 0)) {
      const ratings = [...new Set(current.results.map((r) => RATING_IN_TEXT.exec(lineOf(r))?.[1]).filter((r): r is string => r !== undefined))];
      rows.push({ title: current.title, category: "", department: "", plan: current.plans.join("\n"), result: current.results.join("\n"), rating: ratings.join("・"), notes: "" });
    }
    current = undefined;
    expecting = undefined;
  };
  for (const line of lines) {
    const plain = lineOf(line);
    if (!plain) continue;
    const raw = line.trim();
    const heading = ITEM_HEADING.exec(foldText(raw));
    if (heading?.[2] && !headerRole(plain)) {
      flush();
      // The title as written (the folded copy has the same length).
      current = { title: raw.slice(raw.length - heading[2].length), plans: [], results: [] };
      continue;
    }
    if (!current) continue;
    const fields = fieldsOf(line);
    const role = headerRole(fields[0] ?? "")?.role;
    if ((role === "plan" || role === "result") && fields.length >= 2) {
      (role === "plan" ? current.plans : current.results).push(fields.slice(1).join(" ").trim());
      expecting = undefined;
    } else if ((role === "plan" || role === "result") && fields.length === 1 && plain.length <= 6) {
      expecting = role;
    } else if (expecting) {
      (expecting === "plan" ? current.plans : current.results).push(line.trim());
      expecting = undefined;
    }
  }
  flush();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Tokens of PDF text in one run

/** The unit words of one character (人, 円, 件 …): after a number, the number's unit, not a spaced-out letter. */
const ONE_CHARACTER_UNITS: ReadonlySet<string> = new Set(UNIT_WORDS.map((u) => u.word).filter((w) => w.length === 1));

/** Letters a PDF spaces out (項 目, 達 成, 運 営 事 業 名) joined again; a year split from its 年 too. */
export function tokensOf(text: string): string[] {
  const raw = foldText(text).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    let token = raw[i] ?? "";
    // A parenthesis the spaces cut ((※注 2), (4/1 日現在)): one token.
    if (/^[(（]/.test(token) && !/[)）]/.test(token)) {
      let k = i + 1;
      let joined = token;
      while (k < raw.length && k - i <= 4 && !/[)）]/.test(joined)) joined += ` ${raw[k++]}`;
      if (/[)）]$/.test(joined)) {
        token = joined;
        i = k - 1;
        out.push(token);
        continue;
      }
    }
    // Single CJK characters in a row (at least two): a letter-spaced word. One after a number is its
    // unit (770 人 達 成: 人, then 達成).
    const unitOfNumber = /^[-△▲]?[\d,.]+$/.test(raw[i - 1] ?? "") && ONE_CHARACTER_UNITS.has(token);
    if (!unitOfNumber && /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(token) && /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(raw[i + 1] ?? "")) {
      let word = token;
      while (/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(raw[i + 1] ?? "")) word += raw[++i];
      out.push(word);
      continue;
    }
    // 27 年度目標値, H26 年度実績値, 26 年値: the year and its word.
    if (/^(?:[HR]|平成|令和)?\d{1,4}$/.test(token) && /^年/.test(raw[i + 1] ?? "")) {
      out.push(`${token}${raw[++i]}`);
      continue;
    }
    out.push(token);
  }
  return out;
}

/** A value token: 770, 46.03, 88.8%, 0人, ―, -%; its unit may be the next token (770 人, 46.03 億円). */
const VALUE_TOKEN = /^(?:[-△▲]?[\d,]+(?:\.\d+)?%?(?:[^\d\s%()（）【】※]{1,3})?|[―—-]|-%)$/;
const UNIT_TOKEN = /^(?:人|件|円|千円|万円|億円|%|回|か所|箇所|団体|世帯|台|t|トン|ha|㎡)$/;

/** The values at `start`: each value token with the unit token after it. */
function valuesAt(tokens: readonly string[], start: number, limit = Infinity): { values: string[]; end: number } {
  const values: string[] = [];
  let i = start;
  while (i < tokens.length && values.length < limit && VALUE_TOKEN.test(tokens[i] ?? "")) {
    let value = tokens[i] ?? "";
    if (/[\d%]$/.test(value) && UNIT_TOKEN.test(tokens[i + 1] ?? "") && !/%$/.test(value)) value += ` ${tokens[++i]}`;
    values.push(value);
    i += 1;
  }
  return { values, end: i };
}

const YEAR_TOKEN = /^(?:[HR]\d{1,2}|(?:平成|令和)(?:元|\d{1,2})年度?|(?:19|20)\d{2}年度?)$/;

// ---------------------------------------------------------------------------------------------
// "yearGrid": a numbered list of targets, then grids of years across

interface GridRow {
  label?: string;
  values: string[];
  rating?: string;
  caption: string;
}

interface Target {
  marker: string;
  label: string;
  text: string;
}

/** The numbered targets of a list: (1)職員数 平成27年度の職員数を733人とします。 … ①財政力指数=0.670 以下. */
function targetsOf(text: string): Target[] {
  const targets: Target[] = [];
  const parts = text.split(/(?=\(\d{1,2}\)|[①-⑳])/);
  for (const part of parts) {
    const m = /^(\(\d{1,2}\)|[①-⑳])\s*(\S+?)(?:[=＝]|\s)(.*)$/.exec(part.trim());
    if (!m?.[1] || !m[2]) continue;
    // A heading of a sub-list ((3)主な財政指標 followed by ①…) has no value of its own.
    const body = `${m[2]}${part.trim().slice(m[1].length + m[2].length)}`.trim();
    if (!/[0-9]/.test(m[3] ?? "")) continue;
    // The last target of the list ends where a note or the next section starts.
    targets.push({ marker: m[1], label: m[2], text: body.split(/\s(?=[(（]※|【)/)[0] ?? body });
  }
  return targets;
}

function readYearGrid(text: string): { rows: CityRow[]; fiscalYear?: number; yearSource?: string } | undefined {
  const tokens = tokensOf(text);
  const gridRows: GridRow[] = [];
  let years: string[] = [];
  let firstHeader = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    if (headerRole(tokens[i] ?? "")?.role !== "title") continue;
    // 項目 (決算値) (※注 3) H23 H24 H25 H26 [判定]
    let j = i + 1;
    while (j < tokens.length && /^[(（]/.test(tokens[j] ?? "") && !YEAR_TOKEN.test(tokens[j] ?? "")) j += 1;
    const found: string[] = [];
    while (YEAR_TOKEN.test(tokens[j] ?? "")) found.push(tokens[j++] ?? "");
    if (found.length < 2) continue;
    if (firstHeader < 0) firstHeader = i;
    years = found;
    const caption = [...tokens.slice(0, i)].reverse().find((t) => /^【.+】$/.test(t)) ?? "";
    const n = years.length;
    const grid: GridRow[] = [];
    let current: GridRow | undefined;
    for (; j < tokens.length; j += 1) {
      const token = tokens[j] ?? "";
      if (/^※|^【/.test(token) || headerRole(token)?.role === "title") break;
      if (headerRole(token)?.role === "rating") continue;
      if (VALUE_TOKEN.test(token) && !isRatingToken(token)) {
        const { values, end } = valuesAt(tokens, j, n);
        if (!current || current.values.length > 0) {
          current = { values: [], caption };
          grid.push(current);
        }
        current.values = values;
        j = end - 1;
        continue;
      }
      // A rating may be two tokens PDF extraction split (達 成 was joined already; (未確定) is one).
      if (isRatingToken(token)) {
        const open = grid.find((row) => row.values.length > 0 && row.rating === undefined);
        if (open) open.rating = token;
        continue;
      }
      if (/^[(（]/.test(token)) continue; // a note: (※注 2)
      current = { label: token, values: [], caption };
      grid.push(current);
    }
    // A label left without values (①財政力指数 at the end of the run) belongs to the row without one.
    for (const orphan of grid.filter((row) => row.label !== undefined && row.values.length === 0)) {
      const unlabelled = grid.find((row) => row.label === undefined && row.values.length > 0);
      if (unlabelled) unlabelled.label = orphan.label;
    }
    gridRows.push(...grid.filter((row) => row.label !== undefined && row.values.length > 0));
    i = j - 1;
  }
  if (gridRows.length === 0 || firstHeader < 0) return undefined;
  // The targets as written (the text before the first grid, not its tokens).
  const folded = foldText(text).replace(/\s+/g, " ");
  const gridStart = /項\s?目(?:\s*[(（][^)）]*[)）])*\s*(?:(?:[HR]\d{1,2}|(?:19|20)\d{2}年度?)\s+){2,}/.exec(folded)?.index ?? folded.length;
  const targets = targetsOf(folded.slice(0, gridStart));
  const last = years.length - 1;
  const rows: CityRow[] = gridRows.map((row) => {
    const label = row.label ?? "";
    const marker = CIRCLED.test(label[0] ?? "") ? label[0] : undefined;
    const name = marker ? label.slice(1) : label;
    const target =
      (marker ? targets.find((t) => t.marker === marker) : undefined) ??
      targets.map((t) => ({ t, score: labelSimilarity(t.label, name) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score)[0]?.t;
    const context = row.values.slice(0, last).map((v, k) => `${years[k]} ${v}`).join(" / ");
    const rating = row.rating ?? "";
    return {
      title: name,
      category: row.caption.replace(/^【|】$/g, ""),
      department: "",
      plan: target ? target.text : "",
      result: row.values[last] ?? "",
      rating,
      notes: context ? `他の年度: ${context}` : "",
    };
  });
  const lastYear = years[last] ?? "";
  const fiscalYear = findFiscalYear(lastYear)?.fiscalYear;
  return { rows, ...(fiscalYear === undefined ? {} : { fiscalYear, yearSource: `表の最後の年度の列「${lastYear}」` }) };
}

// ---------------------------------------------------------------------------------------------
// "sideways": items across, 目標値 / 実績値 / 評価 down

interface SidewaysBlock {
  names: string[];
  plans: string[];
  results: string[];
  ratings: string[];
  planYear?: HeaderRole;
  department: string;
  category: string;
}

/** 所管担当課……産業振興課, 施設の名称……稲梓基幹集落センター: a header and its value joined by dots. */
function dottedValue(tokens: readonly string[], word: RegExp): string {
  for (const token of tokens) {
    const m = /^(.+?)[…・.]{2,}(.+)$/.exec(token);
    if (m?.[1] && m[2] && word.test(m[1])) return m[2];
  }
  return "";
}

/**
 * A title header, also at the end of a token that joined two letter-spaced words (設 置 目 的 運 営 事 業 名
 * becomes 設置目的運営事業名 once the letters are joined).
 */
function isTitleHeader(token: string): boolean {
  if (headerRole(token)?.role === "title") return true;
  return /(?:運営事業名|事務事業名|取組項目|改革項目|実施項目)$/.test(token);
}

function readSideways(text: string): { rows: CityRow[]; fiscalYear?: number; yearSource?: string } | undefined {
  const tokens = tokensOf(text);
  const blocks: SidewaysBlock[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isTitleHeader(tokens[i] ?? "")) continue;
    // Names: the tokens after the title header, up to a row label or a sentence.
    const names: string[] = [];
    let j = i + 1;
    while (j < tokens.length) {
      const token = tokens[j] ?? "";
      if (headerRole(token) || VALUE_TOKEN.test(token) || YEAR_TOKEN.test(token) || /[。、]/.test(token) || token.length > 20) break;
      if (token.length === 1 && names.length > 0) names[names.length - 1] += token; // いきがい工作研究 室
      else names.push(token);
      j += 1;
    }
    if (names.length === 0) continue;
    const before = tokens.slice(Math.max(0, i - 40), i);
    const block: SidewaysBlock = {
      names,
      plans: [],
      results: [],
      ratings: [],
      department: dottedValue(before, /担当課|所管課/),
      category: dottedValue(before, /名称/),
    };
    // Row labels with their values, up to the next title header; labels written one after another share
    // the values that follow them in order (H26年度実績値 H27年度目標値 H27年度実績値 3,915,600 円 …).
    const labels: HeaderRole[] = [];
    let resultYear: number | undefined;
    for (; j < tokens.length; j += 1) {
      const token = tokens[j] ?? "";
      if (isTitleHeader(token)) break;
      const role = headerRole(token);
      if (role?.role === "rating") {
        const symbols: string[] = [];
        let k = j + 1;
        while (isRatingToken(tokens[k] ?? "") && symbols.length < names.length) symbols.push(tokens[k++] ?? "");
        if (symbols.length === Math.min(names.length, Math.max(block.plans.length, 1)) && block.ratings.length === 0) block.ratings = symbols;
        continue;
      }
      if (role && (role.role === "plan" || role.role === "result")) {
        labels.push(role);
        continue;
      }
      if (VALUE_TOKEN.test(token) && labels.length > 0) {
        const per = labels.length === 1 ? names.length : 1;
        let k = j;
        for (const label of labels) {
          const { values, end } = valuesAt(tokens, k, per);
          k = end;
          if (label.role === "plan" && block.plans.length === 0) {
            block.plans = values;
            block.planYear = label;
          } else if (label.role === "result") {
            const year = label.fiscalYear ?? label.eralessYear;
            const planYear = block.planYear?.fiscalYear ?? block.planYear?.eralessYear;
            // The result of the plan's year; an earlier year's result is context.
            if (block.results.length === 0 || (year !== undefined && year === planYear && year !== resultYear)) {
              block.results = values;
              resultYear = year;
            }
          }
        }
        labels.length = 0;
        j = k - 1;
        continue;
      }
      labels.length = 0;
    }
    if (block.plans.length > 0 && block.results.length > 0) blocks.push(block);
    i = j - 1;
  }
  if (blocks.length === 0) return undefined;
  const rows: CityRow[] = [];
  for (const block of blocks) {
    const k = Math.min(block.plans.length, block.results.length);
    for (let c = 0; c < k; c += 1) {
      rows.push({
        title: block.names[c] ?? `${c + 1}`,
        category: block.category,
        department: block.department,
        plan: block.plans[c] ?? "",
        result: block.results[c] ?? "",
        rating: block.ratings[c] ?? "",
        notes: "",
      });
    }
  }
  const planYear = blocks[0]?.planYear;
  const fiscalYear = planYear?.fiscalYear ?? (planYear?.eralessYear !== undefined ? eraYear(text, planYear.eralessYear) : undefined);
  return { rows, ...(fiscalYear === undefined ? {} : { fiscalYear, yearSource: "目標値の見出しの年度" }) };
}

/** A year written without its era (27年度), in the era the text names first (平成 28 年度 → 平成27 = 2015). */
function eraYear(text: string, year: number): number | undefined {
  const name = /令和|平成|昭和/.exec(foldText(text))?.[0];
  const base = name === "令和" ? 2018 : name === "平成" ? 1988 : name === "昭和" ? 1925 : undefined;
  return base === undefined ? undefined : base + year;
}

// ---------------------------------------------------------------------------------------------
// "form": one item's sheet with a year grid

function readForm(lines: readonly string[]): { rows: CityRow[]; fiscalYear?: number; yearSource?: string } | undefined {
  const plain = lines.map(lineOf);
  const gridAt = plain.findIndex((l) => {
    const tokens = l.split(" ");
    return tokens[0] === "年度" && tokens.filter((t) => YEAR_TOKEN.test(t) || /^(?:19|20)\d{2}年度以降$/.test(t)).length >= 2;
  });
  if (gridAt < 0) return undefined;
  const columns = (plain[gridAt] ?? "").split(" ").slice(1);
  // The rows of the grid: a label with a role, its first cell on the same line, the rest on the lines after.
  const gridRows: { role: Role; label: string; lines: string[] }[] = [];
  for (let i = gridAt + 1; i < plain.length; i += 1) {
    const line = plain[i] ?? "";
    const [first = "", ...rest] = line.split(" ");
    const role = headerRole(first)?.role;
    if (role === "plan" || role === "result") {
      gridRows.push({ role, label: first, lines: rest.length ? [rest.join(" ")] : [] });
      continue;
    }
    if (gridRows.length === 0) break;
    if (headerRole(first) || ITEM_HEADING.test(line)) break;
    if (line) gridRows[gridRows.length - 1]?.lines.push(line);
  }
  const evaluated = plain.map((l) => /^評価年度\s*[:：]?\s*(.+)$/.exec(l)?.[1]).find((x) => x !== undefined);
  const fiscalYear = evaluated ? findFiscalYear(evaluated)?.fiscalYear : undefined;
  const evaluatedColumn = columns.findIndex((c) => fiscalYear !== undefined && findFiscalYear(c)?.fiscalYear === fiscalYear && !/以降/.test(c));
  /** A multi-line row split into its cells: each cell starts with the line the first one starts with. */
  const cellsOf = (rowLines: string[]): string[][] => {
    const head = rowLines[0] ?? "";
    const cells: string[][] = [];
    for (const line of rowLines) {
      if (line === head || cells.length === 0) cells.push([line]);
      else cells[cells.length - 1]?.push(line);
    }
    return cells;
  };
  const pick = (role: Role): { text: string; others: string[] } => {
    const row = gridRows.find((r) => r.role === role && r.lines.length > 0);
    if (!row) return { text: "", others: [] };
    const cells = cellsOf(row.lines);
    if (cells.length === columns.length && evaluatedColumn >= 0) {
      return { text: (cells[evaluatedColumn] ?? []).join("\n"), others: cells.map((c, k) => (k === evaluatedColumn ? "" : `${columns[k]}: ${c.join(" ")}`)).filter(Boolean) };
    }
    // One cell: the year evaluated (the only column a results row fills).
    return cells.length === 1 ? { text: (cells[0] ?? []).join("\n"), others: [] } : { text: row.lines.join("\n"), others: [] };
  };
  const plan = pick("plan");
  const result = pick("result");
  if (!plan.text && !result.text) return undefined;
  // 事務事業名 認可保育所の整備 所管課 市民・こども局こども支援部: headers and their values on one line.
  let title = "";
  let department = "";
  let rating = "";
  for (let i = 0; i < gridAt; i += 1) {
    const tokens = (plain[i] ?? "").split(" ");
    for (let k = 0; k < tokens.length; k += 1) {
      const role = headerRole(tokens[k] ?? "")?.role;
      const value = tokens[k + 1] ?? plain[i + 1]?.split(" ")[0] ?? "";
      if (role === "title" && !title && value) title = value;
      if (role === "department" && !department && value) department = value;
      // 達成度 on its own line, its value first on the next: the rating of this item (the legend above has counts).
      if (role === "rating" && tokens.length === 1 && isRatingToken(value)) rating = value;
    }
  }
  return {
    rows: [{ title, category: "", department, plan: plan.text, result: result.text, rating, notes: plan.others.join(" / ") }],
    ...(fiscalYear === undefined ? {} : { fiscalYear, yearSource: `「評価年度:${evaluated}」` }),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a report's text in the first layout that yields rated rows: a header table, item blocks, an
 * item's form, a year grid, a sideways table. Undefined when none does.
 */
export function readCityText(text: string): CityReading | undefined {
  const normalised = text.replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  const title = documentTitle(lines);
  const headerYear = lines.map((l) => headerOf(l)?.roles.map((r) => r.fiscalYear).find((y) => y !== undefined)).find((y) => y !== undefined);
  const tables = readTables(lines);
  if (tables.length > 0) {
    return {
      layout: "table",
      rows: tables,
      title,
      ...(headerYear === undefined ? {} : { fiscalYear: headerYear, yearSource: "見出しの年度" }),
      notes: [],
    };
  }
  const blocks = readBlocks(lines);
  if (blocks.some((row) => row.plan && row.result)) {
    // Periods in the headings ((平成16〜18年度), (平成19〜21年度)): the last year they reach is the one the report closes.
    const ends = blocks.map((row) => /[~〜](\d{1,2})年度/.exec(foldText(row.title))).filter((m): m is RegExpExecArray => m !== null);
    const lastEnd = ends.length ? Math.max(...ends.map((m) => Number(m[1]))) : undefined;
    const fiscalYear = lastEnd !== undefined ? eraYear(blocks.map((row) => row.title).join(" "), lastEnd) : undefined;
    return { layout: "blocks", rows: blocks, title, ...(fiscalYear === undefined ? {} : { fiscalYear, yearSource: "項目見出しの期間の最終年度" }), notes: [] };
  }
  const form = readForm(lines);
  if (form) return { layout: "form", ...form, title, notes: [] };
  const grid = readYearGrid(normalised);
  if (grid) return { layout: "yearGrid", ...grid, title, notes: [] };
  const sideways = readSideways(normalised);
  if (sideways) return { layout: "sideways", ...sideways, title, notes: [] };
  return undefined;
}
