import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { columnLetter } from "../../core/workbook/cells";
import { FIELDS, REQUIRED, type ColumnMap, type Field as Role } from "../../core/workbook/columns";
import { fieldName } from "../../core/workbook/problemText";
import type { TableRead } from "../../core/workbook/table";
import { useLocale, useMessages } from "../i18n";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** Columns read when no header row names them: A to AD. */
const FALLBACK_COLUMNS = 30;

/**
 * Choosing the column of each role from the header row, kept in the settings sheet as the column
 * mapping that overrides detection (what COLUMNS_MISSING advises).
 */
export function ColumnMapping({ table, mapping, busy, onSave }: { table: Pick<TableRead, "headerCells" | "columns">; mapping: ColumnMap; busy: boolean; onSave: (mapping: ColumnMap) => void }) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [chosen, setChosen] = useState<ColumnMap>(mapping);
  const headers = table.headerCells.length > 0 ? table.headerCells : Array.from({ length: FALLBACK_COLUMNS }, () => "");
  const roles = [...REQUIRED, "title" as const, ...FIELDS.filter((f) => !REQUIRED.includes(f) && f !== "title")];
  return (
    <form
      className={styles.form}
      data-testid="column-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(chosen);
      }}
    >
      <Text size={200}>{m.columnsHint}</Text>
      {roles.map((role: Role) => {
        const detected = table.columns[role];
        return (
          <Field key={role} label={`${fieldName(role, locale)}${REQUIRED.includes(role) ? " *" : ""}`}>
            <Select
              data-testid={`column-${role}`}
              value={chosen[role] === undefined ? "" : String(chosen[role])}
              onChange={(_, data) => {
                const next = { ...chosen };
                if (data.value === "") delete next[role];
                else next[role] = Number(data.value);
                setChosen(next);
              }}
            >
              <option value="">
                {m.columnsAuto}
                {detected === undefined || mapping[role] !== undefined ? "" : ` ${columnLetter(detected)}: ${headers[detected] ?? ""}`}
              </option>
              {headers.map((header, i) => (
                <option key={i} value={String(i)}>
                  {columnLetter(i)}
                  {header ? `: ${header}` : ""}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <div>
        <Button type="submit" disabled={busy}>
          {m.columnsSave}
        </Button>
      </div>
    </form>
  );
}
