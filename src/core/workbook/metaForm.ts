import { parseFiscalYear } from "../fiscalYear";
import { foldWidth } from "../text/fold";
import type { Localized } from "../text/localized";
import type { PlanMeta } from "./model";

/** The plan's title, fiscal year and evaluation date as a person edits them in the pane. */
export interface MetaForm {
  title: string;
  /** 令和2年度, R2, 2020 …; empty to leave unset. */
  fiscalYear: string;
  /** 令和3年3月末 …, as it should read in the report's header. */
  evaluationDate: string;
}

export function metaToForm(meta: PlanMeta): MetaForm {
  return { title: meta.title, fiscalYear: meta.fiscalYear === undefined ? "" : String(meta.fiscalYear), evaluationDate: meta.evaluationDate ?? "" };
}

/** A fiscal year as a person types it: 令和2年度, R2, H18, 2020 (a western year alone is the fiscal year); undefined when unreadable or out of range. */
export function readFiscalYear(text: string): number | undefined {
  const typed = foldWidth(text).trim();
  const fiscalYear = /^\d{4}$/.test(typed) ? Number(typed) : parseFiscalYear(typed);
  return fiscalYear === undefined || fiscalYear < 1989 || fiscalYear > 2100 ? undefined : fiscalYear;
}

/** The metadata a form describes, or the problem of its fiscal year in the words the user typed. */
export function metaFromForm(form: MetaForm, base: PlanMeta): { meta?: PlanMeta; errors: Partial<Record<keyof MetaForm, Localized>> } {
  const typed = form.fiscalYear.trim();
  const fiscalYear = typed === "" ? undefined : readFiscalYear(typed);
  if (typed !== "" && fiscalYear === undefined) {
    return {
      errors: {
        fiscalYear: {
          ja: `年度を読み取れません（入力: ${typed}）。「令和2年度」「R2」「2020」のように入力してください`,
          en: `Cannot read the fiscal year "${typed}". Write 令和2年度, R2 or 2020`,
        },
      },
    };
  }
  const { fiscalYear: _old, evaluationDate: _date, ...rest } = base;
  return {
    meta: {
      ...rest,
      title: form.title.trim(),
      ...(fiscalYear === undefined ? {} : { fiscalYear }),
      ...(form.evaluationDate.trim() ? { evaluationDate: form.evaluationDate.trim() } : {}),
    },
    errors: {},
  };
}
