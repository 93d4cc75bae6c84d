import { Badge, FluentProvider, MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { HostKind } from "../excel/host";
import { MessagesProvider, useMessages } from "./i18n";
import type { Locale } from "./messages";
import { ExcelHome } from "./ExcelHome";
import { FileHome } from "./FileHome";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mode: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalL },
});

export interface AppProps {
  host: HostKind;
  locale: Locale;
  /** File mode because office.js did not answer in time. */
  officeSlow?: boolean;
}

function Shell({ host, officeSlow }: { host: HostKind; officeSlow: boolean }) {
  const m = useMessages();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{m.appTitle}</Title2>
        <Text size={200}>{m.appSubtitle}</Text>
        <div className={styles.mode} data-testid="host-mode" data-host={host}>
          <Badge appearance="tint" color={host === "excel" ? "success" : "brand"} shape="rounded">
            {host === "excel" ? m.modeExcel : m.modeFile}
          </Badge>
          <Text size={200}>{host === "excel" ? m.modeExcelDetail : m.modeFileDetail}</Text>
        </div>
        {officeSlow && (
          <MessageBar intent="info" data-testid="office-slow">
            <MessageBarBody>{m.officeSlow}</MessageBarBody>
          </MessageBar>
        )}
      </header>
      <main className={styles.main}>{host === "excel" ? <ExcelHome /> : <FileHome />}</main>
    </div>
  );
}

export function App({ host, locale, officeSlow = false }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <MessagesProvider locale={locale}>
        <Shell host={host} officeSlow={officeSlow} />
      </MessagesProvider>
    </FluentProvider>
  );
}
