export declare const AE_GUARD_METADATA_FLAGS: Readonly<{ allowErrorForDataTypeAny: true }>;

export declare function withMetadataFlags<T extends object>(
  metadata: T,
  flags: Record<string, boolean>,
): T & Record<string, boolean>;

export declare class FunctionsMetadataFlagsPlugin {
  constructor(options?: { file?: string; flags?: Record<string, boolean> });
  apply(compiler: unknown): void;
}
