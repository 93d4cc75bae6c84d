import { AccordionHeader, AccordionItem, AccordionPanel, Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useMessages } from "../i18n";
import type { RoundTripPanelProps } from "./RoundTripBody";

// The round trip's code (its panel, the forms, the merge) is loaded when its section is first opened:
// the pane's start-up scripts stay within their budget (scripts/size.mjs).
const RoundTripBody = lazy(() => import(/* webpackChunkName: "roundtrip" */ "./RoundTripBody"));

/** The section 「担当課との調書のやりとり」 of the pane's accordion (docs/roundtrip.md). */
export function RoundTripPanel(props: RoundTripPanelProps) {
  const m = useMessages();
  return (
    <AccordionItem value="roundtrip" data-testid="roundtrip-section">
      <AccordionHeader as="h2" size="small">
        {m.roundTripHeading}
      </AccordionHeader>
      <AccordionPanel>
        <Suspense fallback={<Spinner size="tiny" label={m.loading} />}>
          <RoundTripBody {...props} />
        </Suspense>
      </AccordionPanel>
    </AccordionItem>
  );
}
