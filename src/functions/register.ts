import { whenOfficeLoaded } from "../excel/host";

/*
 * Entry of the functions chunk that taskpane.html loads in the shared runtime.
 * Excel (and the custom-functions runtime) define CustomFunctions; a plain browser in file mode
 * does not, and the associate calls that the metadata plugin appends would throw there. The
 * functions module is bundled into this chunk (eager) and evaluated only where it can register.
 */
export function registerFunctions(): Promise<unknown> | undefined {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.associate !== "function") {
    return undefined;
  }
  return import(/* webpackMode: "eager" */ "./functions");
}

// office.js (which defines CustomFunctions in Excel) loads without blocking the page: wait for it.
void whenOfficeLoaded().then(() => registerFunctions());
