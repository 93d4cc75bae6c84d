import { Badge, FluentProvider, MessageBar, MessageBarBody, Text, Title3, ToggleButton, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ComponentType } from "react";
import type { HostKind } from "../excel/host";
import { MessagesProvider, useMessages } from "./i18n";
import type { Locale } from "./messages";
import { FileHome } from "./FileHome";

/**
 * Excel's home (the check on the open workbook through the Office.js port) is a chunk of its own, asked for
 * at start-up inside Office (index.tsx) and never downloaded in file mode. File mode's home is part of the
 * start-up scripts: an isolated network's browser shows it without a further round trip.
 */
const homes = new Map<HostKind, Promise<ComponentType>>([["file", Promise.resolve(FileHome)]]);
const loadedHomes = new Map<HostKind, ComponentType>([["file", FileHome]]);

export function loadHome(host: HostKind): Promise<ComponentType> {
  let home = homes.get(host);
  if (!home) {
    home = import(/* webpackChunkName: "excel-home" */ "./ExcelHome").then(({ ExcelHome }) => {
      loadedHomes.set(host, ExcelHome);
      return ExcelHome;
    });
    // A failed download is forgotten, so that a later call asks again.
    home.catch(() => homes.delete(host));
    homes.set(host, home);
  }
  return home;
}

/**
 * The home of this mode, rendered at once when it is there, else once its chunk arrives. Plain state rather
 * than React.lazy: a lazy component that suspends is revealed only after React's fallback throttle
 * (300 ms), even when its chunk arrived long before.
 */
function Home({ host }: { host: HostKind }) {
  const m = useMessages();
  const [home, setHome] = useState<{ component?: ComponentType; error?: unknown }>(() => ({ component: loadedHomes.get(host) }));
  useEffect(() => {
    let live = true;
    loadHome(host).then(
      (component) => live && setHome({ component }),
      // The chunk did not download (the network dropped between the page and its chunk).
      (error: unknown) => live && setHome({ error }),
    );
    return () => {
      live = false;
    };
  }, [host]);
  if (home.component) return <home.component />;
  if (home.error !== undefined) {
    return (
      <MessageBar intent="error" data-testid="home-failed">
        <MessageBarBody>{m.errorPaneLoad}</MessageBarBody>
      </MessageBar>
    );
  }
  return <Text data-testid="home-loading">{m.loading}</Text>;
}

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
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  languages: { display: "flex", gap: tokens.spacingHorizontalXXS },
  mode: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalM },
});

/** Where the language a person chose is remembered (this browser, this origin). */
export const LOCALE_KEY = "plan-progress.locale";

export function savedLocale(): Locale | undefined {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
    return saved === "ja" || saved === "en" ? saved : undefined;
  } catch {
    return undefined; // storage may be blocked
  }
}

/** 日本語 / English: a visible switch, remembered for the next time the pane opens. */
function LanguageSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  const m = useMessages();
  const styles = useStyles();
  const choose = (next: Locale) => {
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, next);
    } catch {
      // not remembered, still switched
    }
    onChange(next);
  };
  return (
    <div role="group" aria-label={m.languageLabel} className={styles.languages} data-testid="language-switch">
      <ToggleButton size="small" appearance="subtle" checked={locale === "ja"} lang="ja" onClick={() => choose("ja")}>
        {m.languageJa}
      </ToggleButton>
      <ToggleButton size="small" appearance="subtle" checked={locale === "en"} lang="en" onClick={() => choose("en")}>
        {m.languageEn}
      </ToggleButton>
    </div>
  );
}

export interface AppProps {
  host: HostKind;
  locale: Locale;
  /** File mode because office.js did not answer in time. */
  officeSlow?: boolean;
}

function Shell({ host, officeSlow, locale, onLocale }: { host: HostKind; officeSlow: boolean; locale: Locale; onLocale: (locale: Locale) => void }) {
  const m = useMessages();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">{m.appTitle}</Title3>
          <LanguageSwitch locale={locale} onChange={onLocale} />
        </div>
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
      <main className={styles.main}>
        <Home host={host} />
      </main>
    </div>
  );
}

export function App({ host, locale: detected, officeSlow = false }: AppProps) {
  // The language chosen with the switch wins over the one Office or the browser gives.
  const [locale, setLocale] = useState<Locale>(() => savedLocale() ?? detected);
  const change = (next: Locale) => {
    document.documentElement.lang = next;
    setLocale(next);
  };
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <MessagesProvider locale={locale}>
        <Shell host={host} officeSlow={officeSlow} locale={locale} onLocale={change} />
      </MessagesProvider>
    </FluentProvider>
  );
}
