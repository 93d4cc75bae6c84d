import { afterAll, beforeAll } from "vitest";
import { launch, type Session } from "./browser";
import { serveDist, type StaticServer } from "./server";

/** dist/ served on loopback and one Chromium for the tests of a file; both closed after them. */
export function servedBrowser(): { server: () => StaticServer; session: () => Session } {
  let server: StaticServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await serveDist();
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  const must = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not ready`);
    return value;
  };
  return { server: () => must(server, "the server"), session: () => must(session, "Chromium") };
}
