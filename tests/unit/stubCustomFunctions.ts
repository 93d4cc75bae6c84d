/**
 * A stand-in for the CustomFunctions global that Excel provides, so that the functions module can be
 * imported and called directly in Node.
 */
export class StubCustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsStub(): Map<string, unknown> {
  const associated = new Map<string, unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return associated;
}
