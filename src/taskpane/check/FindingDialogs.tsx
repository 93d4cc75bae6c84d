import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/check/types";
import { useLocale, useMessages } from "../i18n";
import { fill } from "../messages";

export type FindingDialog = { kind: "ignore"; finding: Finding } | { kind: "fix"; finding: Finding; from: string; cell: string };

/** 「無視…」 asks for a reason; 「評価を B に変更」 asks before writing the one cell. */
export function FindingDialogs({
  dialog,
  onClose,
  onIgnore,
  onFix,
}: {
  dialog: FindingDialog | undefined;
  onClose: () => void;
  onIgnore: (finding: Finding, reason: string) => void;
  onFix: (finding: Finding) => void;
}) {
  const m = useMessages();
  const locale = useLocale();
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    onClose();
  };
  return (
    <Dialog open={dialog !== undefined} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface>
        {dialog?.kind === "ignore" && (
          <DialogBody>
            <DialogTitle>{m.ignoreTitle}</DialogTitle>
            <DialogContent>
              <Text block>{dialog.finding.message[locale]}</Text>
              <Field label={m.ignoreReason} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={!reason.trim()}
                onClick={() => {
                  onIgnore(dialog.finding, reason.trim());
                  close();
                }}
              >
                {m.ignoreConfirm}
              </Button>
              <Button onClick={close}>{m.cancel}</Button>
            </DialogActions>
          </DialogBody>
        )}
        {dialog?.kind === "fix" && (
          <DialogBody>
            <DialogTitle>{m.fixTitle}</DialogTitle>
            <DialogContent>{fill(m.fixBody, { item: dialog.finding.item ?? "", from: dialog.from, to: dialog.finding.suggested ?? "", cell: dialog.cell })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="confirm-fix"
                onClick={() => {
                  onFix(dialog.finding);
                  close();
                }}
              >
                {m.fixConfirm}
              </Button>
              <Button onClick={close}>{m.cancel}</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
