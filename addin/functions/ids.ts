// The custom functions by their Excel id (the manifest's namespace CE prefixes them: =CE.CEHOURS(...)).
// Kept free of imports so the metadata build can check its output without loading the engine.
export const FUNCTION_KINDS = {
  CEHOURS: 'hours',
  CESTATUS: 'status',
  CEPUBLIC: 'public',
  CEPROFESSIONAL: 'professional',
  CESHORTFALL: 'shortfall',
  CEWARNINGS: 'warnings',
} as const;

export type FunctionId = keyof typeof FUNCTION_KINDS;
export type FunctionKind = (typeof FUNCTION_KINDS)[FunctionId];
