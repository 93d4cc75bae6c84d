import { createContext, useContext, type ReactNode } from "react";
import { MESSAGES, type Locale, type Messages } from "./messages";

const LocaleContext = createContext<Locale>("ja");

export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useMessages(): Messages {
  return MESSAGES[useContext(LocaleContext)];
}
