import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { profileFromForm, profileToForm, type ProfileForm as Form, type ProfileFormErrors } from "../../core/rating/profileForm";
import type { RatingProfile } from "../../core/rating/profile";
import { PRESET_SCALES } from "../../core/rating/scale";
import { useLocale, useMessages } from "../i18n";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** The rating profile's fields, each validated next to itself in the unit typed (docs/contracts/rating.md). */
export function ProfileForm({ profile, busy, onSave }: { profile: RatingProfile; busy: boolean; onSave: (profile: RatingProfile) => void }) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [form, setForm] = useState<Form>(() => profileToForm(profile));
  const [errors, setErrors] = useState<ProfileFormErrors>({});
  const field = (key: keyof Form) => ({
    validationMessage: errors[key]?.[locale],
    validationState: errors[key] ? ("error" as const) : ("none" as const),
  });
  const input = (key: keyof Form) => ({
    value: form[key],
    "aria-invalid": errors[key] ? true : undefined,
    onChange: (_: unknown, data: { value: string }) => setForm({ ...form, [key]: data.value }),
  });

  function save() {
    const read = profileFromForm(form, profile);
    setErrors(read.errors);
    if (read.profile) onSave(read.profile);
  }

  return (
    <form
      className={styles.form}
      data-testid="profile-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field label={m.toleranceFloor} {...field("tolerance")}>
        <Input inputMode="decimal" contentAfter="%" data-testid="profile-tolerance" {...input("tolerance")} />
      </Field>
      <Field label={m.sMargin} {...field("margin")}>
        <Input inputMode="decimal" contentAfter="%" data-testid="profile-margin" {...input("margin")} />
      </Field>
      <Field label={m.overrides} {...field("overrides")}>
        <Input data-testid="profile-overrides" {...input("overrides")} />
      </Field>
      <Field label={m.scaleLabel}>
        <Select value={form.scale} data-testid="profile-scale" onChange={(_, data) => setForm({ ...form, scale: data.value })}>
          {form.scale === "" && <option value="">{m.scaleCustom}</option>}
          {PRESET_SCALES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.scale.symbols.map((s) => `${s.symbol}（${s.label}）`).join(" ")}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {m.saveSettings}
        </Button>
      </div>
    </form>
  );
}
