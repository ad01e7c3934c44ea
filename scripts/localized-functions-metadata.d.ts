export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters?: Array<{ name: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  }>;
}

export declare function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  translations: unknown,
  locale: string,
): { metadata: FunctionsMetadata; problems: string[] };

export declare class LocalizedFunctionsMetadataPlugin {
  constructor(options: { source?: string; output: string; translations: string; locale: string });
  apply(compiler: unknown): void;
}
