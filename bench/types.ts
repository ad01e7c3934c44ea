export interface BenchResult {
  name: string;
  figures: Record<string, string | number>;
  notes?: string[];
}
