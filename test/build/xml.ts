// A small, strict XML reader for the add-in manifest tests (no XML parser is a direct dependency).
// Handles what manifests use: declaration, comments, CDATA, elements, attributes in single or double quotes and the
// five predefined entities plus numeric references. Anything malformed throws with the offset, so a broken manifest
// fails the test instead of being half-read.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string, offset: number): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`Bare "&" near offset ${offset}`);
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`Unknown entity ${match} near offset ${offset}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];

  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}`);
  };
  const skipPast = (terminator: string): void => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`Missing "${terminator}"`);
    pos = end + terminator.length;
  };

  while (pos < source.length) {
    if (source.startsWith("<!--", pos)) {
      skipPast("-->");
    } else if (source.startsWith("<?", pos)) {
      skipPast("?>");
    } else if (source.startsWith("<![CDATA[", pos)) {
      const start = pos + "<![CDATA[".length;
      skipPast("]]>");
      const current = stack[stack.length - 1];
      if (current === undefined) fail("CDATA outside the root element");
      else current.text += source.slice(start, pos - 3);
    } else if (source.startsWith("<!", pos)) {
      fail("DOCTYPE and other declarations are not expected in a manifest");
    } else if (source.startsWith("</", pos)) {
      pos += 2;
      const name = NAME.exec(source.slice(pos))?.[0] ?? fail("Bad closing tag");
      pos += name.length;
      while (/\s/.test(source[pos] ?? "")) pos++;
      if (source[pos] !== ">") fail(`Bad closing tag </${name}`);
      pos++;
      const open = stack.pop();
      if (open === undefined || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
    } else if (source[pos] === "<") {
      pos++;
      const name = NAME.exec(source.slice(pos))?.[0] ?? fail("Bad element name");
      pos += name.length;
      const parent = stack[stack.length - 1] ?? null;
      const element: XmlElement = { name, attributes: {}, children: [], text: "", parent };
      for (;;) {
        const whitespace = /^\s*/.exec(source.slice(pos))?.[0] ?? "";
        pos += whitespace.length;
        if (source.startsWith("/>", pos) || source[pos] === ">") break;
        if (whitespace === "") fail(`Expected whitespace before an attribute of <${name}>`);
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(pos));
        if (attribute === null) fail(`Bad attribute in <${name}>`);
        else {
          const attributeName = attribute[1] as string;
          if (attributeName in element.attributes) fail(`Duplicate attribute ${attributeName} in <${name}>`);
          element.attributes[attributeName] = decodeEntities(attribute[3] ?? attribute[4] ?? "", pos);
          pos += attribute[0].length;
        }
      }
      if (parent === null) {
        if (root !== null) fail("More than one root element");
        root = element;
      } else {
        parent.children.push(element);
      }
      if (source.startsWith("/>", pos)) {
        pos += 2;
      } else {
        pos++;
        stack.push(element);
      }
    } else {
      const next = source.indexOf("<", pos);
      const end = next < 0 ? source.length : next;
      const text = source.slice(pos, end);
      const current = stack[stack.length - 1];
      if (current === undefined) {
        if (text.trim() !== "") fail("Text outside the root element");
      } else {
        current.text += decodeEntities(text, pos);
      }
      pos = end;
    }
  }
  if (stack.length > 0) throw new Error(`Unclosed <${stack[stack.length - 1]?.name}>`);
  if (root === null) throw new Error("No root element");
  return root;
}

/** Local name without a namespace prefix ("bt:Url" -> "Url"). */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(":");
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

/** Every element below `root` (depth first, document order). */
export function descendants(root: XmlElement): XmlElement[] {
  const all: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      all.push(child);
      visit(child);
    }
  };
  visit(root);
  return all;
}

/** Children with the given (prefixed) name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The only child with that name; throws when there are none or several, which is itself a manifest error. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const matches = childrenNamed(element, name);
  if (matches.length !== 1) throw new Error(`<${element.name}> has ${matches.length} <${name}> children, expected 1`);
  return matches[0] as XmlElement;
}

/** Follows a path of child names, each of which must be unique. */
export function path(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce((current, name) => onlyChild(current, name), element);
}
