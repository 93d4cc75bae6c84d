import { createContext, useContext, type ReactNode } from "react";
import { MESSAGES, type Locale, type Messages } from "./messages";

const MessagesContext = createContext<Messages>(MESSAGES.ja);

export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <MessagesContext.Provider value={MESSAGES[locale]}>{children}</MessagesContext.Provider>;
}

export function useMessages(): Messages {
  return useContext(MessagesContext);
}
