/**
 * The WHATWG TextDecoder, which browsers and Node both provide as a global. src/core compiles without DOM or Node
 * types, so this declares the little the CSV reader uses. It is written to be identical to the DOM declaration so
 * the two merge when a host's build does include the DOM library.
 */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
