/**
 * The unit words of administrative reports, as data: each word, the unit it is read as, and the factor
 * to that unit (a power of ten). A word not in this table is never taken for a known unit: katakana or
 * Latin words after a number become an unknown unit of their own, compared only with the same word.
 *
 * Where the forms were seen: the Kodaira seed (円 千円 億円, %, 件 人 団体 回 地区 館 事務 g/人日); Fukuchiyama's
 * 行政改革取組状況 (百万円, 平方メートル, 人削減); a city's ごみ排出量 review (グラム, ㌘, ㌧); Kamogawa's 実施評価
 * (点, パーセント); Arao's 行政改革大綱の検証 (億円 with 万, %台); the counters of school, welfare and
 * facility plans (校 園 戸 枚 部 冊 …); Sado's 改革宣言2006 (店舗, ヘクタール, 万トン, 世帯); Kawasaki's 施策進行管理
 * (か所); Shimoda's 施設評価調書 (ヵ年); Chikuma's 温室効果ガス排出量 (万トン) — tests/fixtures/cities/ and
 * tests/unit/corpus.test.ts give each source. 業務 counts the work put on RPA or a shared system (つくば市
 * 「全5業務にRPAを導入」: http://blogs.itmedia.co.jp/business20/2018/08/rpa.html; 京都府 「4業務」:
 * https://project.nikkeibp.co.jp/jpgciof/atcl/19/00001/00003/?P=2; 自治体DX推進計画 「17の基幹業務」:
 * https://dxj.info/article/2111-municipal-dx); 手続 (手続き) the procedures put online (総務省 情報通信白書 平成30年版
 * 「改善促進手続」「580種類の手続」: https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/h30/html/nd252610.html).
 *
 * `display` is how a value in that word's unit is shown (トン → t, ヘクタール → ha): a value is shown in
 * the unit it was written in (78.6万トン as 78.6万t, never 786,000,000,000 g). Without it, the word itself.
 */
export interface UnitWord {
  /** As written, after width folding. */
  word: string;
  /** The unit it is read as. */
  unit: string;
  /** × 10^exponent to that unit (kg → g is 3). */
  exponent?: number;
  /** How a value written with this word is shown: トン → t; the word itself when absent. */
  display?: string;
}

const unit = (unitName: string, words: readonly string[], exponent = 0, display?: string): UnitWord[] =>
  words.map((word) => (display === undefined || display === word ? { word, unit: unitName, exponent } : { word, unit: unitName, exponent, display }));

export const UNIT_WORDS: readonly UnitWord[] = [
  ...unit("%", ["%", "パーセント"], 0, "%"),
  ...unit("pt", ["ポイント", "pt"]),
  ...unit("倍", ["倍"]),
  ...unit("円", ["円"]),
  // Mass, length, area, volume: to one base each, so that 0.48kg and 480g compare; shown as written.
  ...unit("g", ["g", "グラム", "㌘"], 0, "g"),
  ...unit("g", ["kg", "キログラム", "㎏"], 3, "kg"),
  ...unit("g", ["t", "トン", "㌧"], 6, "t"),
  ...unit("m", ["m", "メートル", "㍍"], 0, "m"),
  ...unit("m", ["km", "キロメートル", "㎞"], 3, "km"),
  ...unit("m2", ["㎡", "m2", "m²", "平方メートル", "平米"], 0, "㎡"),
  ...unit("m2", ["ha", "ヘクタール"], 4, "ha"),
  ...unit("m2", ["㎢", "km2", "平方キロメートル"], 6, "㎢"),
  ...unit("L", ["L", "ℓ", "リットル", "㍑"], 0, "L"),
  ...unit("L", ["kL", "㎘", "キロリットル"], 3, "kL"),
  ...unit("kWh", ["kWh", "キロワット時"], 0, "kWh"),
  // Time.
  ...unit("時間", ["時間"]),
  ...unit("日", ["日間", "日"]),
  ...unit("か月", ["か月", "ヶ月", "カ月", "ケ月", "箇月", "ヵ月"]),
  ...unit("年", ["年間", "か年", "ヶ年", "カ年", "ケ年", "ヵ年", "箇年"]),
  // Counters.
  ...unit("人", ["人", "名"]),
  ...unit("箇所", ["箇所", "か所", "ヶ所", "カ所", "ケ所", "ヵ所", "個所"]),
  ...unit("店", ["店舗", "店"]),
  ...["件", "回", "団体", "地区", "地域", "事務", "事業", "項目", "指標", "施設", "世帯", "校", "園", "館", "戸", "枚", "部", "冊",
    "個", "班", "本", "社", "点", "台", "棟", "基", "区画", "路線", "便", "講座", "教室", "種類", "品目", "自治会", "団地",
    "協議会", "タイトル", "課", "室", "者", "組", "票", "通", "頭", "匹", "羽", "隻", "両", "席", "床", "人日", "コース", "クラス",
    "サイト", "アカウント", "機関", "事業所", "法人", "企業", "学級", "地点", "系統", "食", "泊", "業務", "手続", "手続き"].flatMap((word) => unit(word, [word])),
];

/** Longest words first, so that キロメートル wins over キロ and 日間 over 日. */
export const UNIT_WORDS_LONGEST_FIRST: readonly UnitWord[] = [...UNIT_WORDS].sort((a, b) => b.word.length - a.word.length);

/** What may follow a unit to make it a rate: 回/年, 円/年, g/人日, 人/日. */
export const PER_WORDS: readonly string[] = ["人・日", "人日", "年", "月", "週", "日", "人", "回", "件", "世帯"];

/** The words by their first character, longest first: a unit is looked up without scanning the table. */
export const UNIT_WORDS_BY_FIRST: ReadonlyMap<string, readonly UnitWord[]> = (() => {
  const map = new Map<string, UnitWord[]>();
  for (const entry of UNIT_WORDS_LONGEST_FIRST) {
    const first = entry.word[0] ?? "";
    map.set(first, [...(map.get(first) ?? []), entry]);
  }
  return map;
})();
