import { forwardRef, type ChangeEvent } from "react";

/**
 * The hidden file input of an .xlsx: a button elsewhere opens it (ref.click()). The same input is
 * chosen again after a file was read, so choosing the same file twice reads it twice.
 */
export const XlsxPicker = forwardRef<HTMLInputElement, { label: string; testId: string; onFile: (file: File) => void }>(function XlsxPicker({ label, testId, onFile }, ref) {
  return (
    <input
      ref={ref}
      style={{ display: "none" }}
      type="file"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-label={label}
      data-testid={testId}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
});
