import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { metaFromForm, metaToForm, type MetaForm } from "../../core/workbook/metaForm";
import type { PlanMeta } from "../../core/workbook/model";
import { useLocale, useMessages } from "../i18n";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/**
 * The plan's title, fiscal year and evaluation date, kept in the settings sheet. It opens with what
 * the workbook shows when the settings sheet says nothing (docs/contracts/workbook.md, "Plan metadata").
 */
export function PlanForm({ meta, busy, onSave }: { meta: PlanMeta; busy: boolean; onSave: (meta: PlanMeta) => void }) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [form, setForm] = useState<MetaForm>(() => metaToForm(meta));
  const [error, setError] = useState<string>();
  const input = (key: keyof MetaForm) => ({
    value: form[key],
    onChange: (_: unknown, data: { value: string }) => setForm({ ...form, [key]: data.value }),
  });
  return (
    <form
      className={styles.form}
      data-testid="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        const read = metaFromForm(form, meta);
        setError(read.errors.fiscalYear?.[locale]);
        if (read.meta) onSave(read.meta);
      }}
    >
      <Text size={200}>{m.planInferred}</Text>
      <Field label={m.planTitle}>
        <Input data-testid="plan-title" {...input("title")} />
      </Field>
      <Field label={m.planFiscalYear} validationMessage={error} validationState={error ? "error" : "none"}>
        <Input data-testid="plan-fiscal-year" aria-invalid={error ? true : undefined} {...input("fiscalYear")} />
      </Field>
      <Field label={m.planEvaluationDate}>
        <Input data-testid="plan-evaluation-date" {...input("evaluationDate")} />
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {m.planSave}
        </Button>
      </div>
    </form>
  );
}
