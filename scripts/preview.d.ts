import type { Server } from "http";

export function parseArgs(argv: string[]): {
  build: boolean;
  serve: boolean;
  port: number;
  out: string;
};
export function createServer(root: string): Server;
export function serve(options: { root: string; port?: number; host?: string }): Promise<{
  server: Server;
  url: string;
  close: () => Promise<void>;
}>;
export function build(out: string): void;
export function contentType(file: string): string;
