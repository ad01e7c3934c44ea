export declare const EXCEL_LOAD_BUDGET_BYTES: number;
export declare const REPORT_FILE: string;

export interface ExcelLoad {
  budget: number;
  total: number;
  files: Record<string, number>;
}

export declare function excelLoad(files: string[], read: (file: string) => Buffer): ExcelLoad;

export declare class ExcelLoadPlugin {
  constructor(options?: { entries?: string[]; groups?: string[]; budget?: number });
  apply(compiler: unknown): void;
}
