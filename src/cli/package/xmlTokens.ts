import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/**
 * A streaming XML reader over htmlparser2's Tokenizer (xmlMode): it hands out element names without their namespace
 * prefix, attributes and text with entities decoded, and checks that every end tag closes the element it should
 * (the tokenizer itself is lenient), so a sheet that is not well-formed is refused instead of half read. Text is
 * sliced out of the chunks only while the subclass asks for it (`collecting`): most of a sheet's text is never copied.
 */

/** The XML is not well-formed. */
export class XmlShapeError extends Error {}

const COLON = 0x3a;

export abstract class XmlReader implements TokenizerCallbacks {
  private readonly tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
  /** The chunks that tokens may still point into, and the offset of the first one. */
  private buffers: string[] = [];
  private bufferOffset = 0;
  private readonly open: string[] = [];
  private attributeName = "";
  private attributeValue = "";
  /** Text is gathered in `text` only while this is true. */
  protected collecting = false;
  protected text = "";

  /** An element starts (its attributes follow). */
  protected abstract openTag(name: string): void;
  protected abstract attribute(name: string, value: string): void;
  /** The start tag is complete; `empty` for `<x/>` (closeTag follows at once). */
  protected abstract openTagEnd(empty: boolean): void;
  protected abstract closeTag(name: string): void;

  write(chunk: string): void {
    if (chunk === "") return;
    this.buffers.push(chunk);
    this.tokenizer.write(chunk);
  }

  end(): void {
    this.tokenizer.end();
    if (this.open.length > 0) throw new XmlShapeError(`the XML ends inside <${this.open[this.open.length - 1]}>`);
  }

  /** The text between two absolute offsets; a token cut by a chunk boundary spans two chunks. */
  private slice(start: number, end: number): string {
    while (start - this.bufferOffset >= this.buffers[0].length) {
      this.bufferOffset += this.buffers[0].length;
      this.buffers.shift();
    }
    const first = this.buffers[0];
    const from = start - this.bufferOffset;
    const to = end - this.bufferOffset;
    if (to <= first.length) return first.slice(from, to);
    let slice = first.slice(from);
    let offset = first.length;
    for (let i = 1; i < this.buffers.length && offset < to; i++) {
      slice += this.buffers[i].slice(0, to - offset);
      offset += this.buffers[i].length;
    }
    return slice;
  }

  private localName(start: number, end: number): string {
    const name = this.slice(start, end);
    for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === COLON) return name.slice(i + 1);
    return name;
  }

  onopentagname(start: number, end: number): void {
    const name = this.localName(start, end);
    this.open.push(name);
    this.openTag(name);
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.slice(start, end);
    this.attributeValue = "";
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    this.attributeValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    this.attribute(this.attributeName, this.attributeValue);
  }

  onopentagend(): void {
    this.openTagEnd(false);
  }

  onselfclosingtag(): void {
    this.openTagEnd(true);
    this.closeTag(this.open.pop() as string);
  }

  onclosetag(start: number, end: number): void {
    const name = this.localName(start, end);
    const expected = this.open.pop();
    if (name !== expected)
      throw new XmlShapeError(
        expected === undefined ? `</${name}> closes nothing` : `</${name}> where </${expected}> was expected`,
      );
    this.closeTag(name);
  }

  ontext(start: number, end: number): void {
    if (this.collecting) this.text += this.slice(start, end);
  }

  ontextentity(codepoint: number): void {
    if (this.collecting) this.text += String.fromCodePoint(codepoint);
  }

  oncdata(start: number, end: number, endOffset: number): void {
    if (this.collecting) this.text += this.slice(start, end - endOffset);
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}
