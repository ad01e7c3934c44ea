// Offline structural check of the XML add-in manifest. The online validator (office-addin-manifest validate) needs
// the internet and no npm package ships the XSDs, so this test checks what makes a shared-runtime add-in load:
// element order, resource references, the one runtime shared by task pane, ribbon and custom functions.
import * as fs from "fs";
import * as nodePath from "path";
import { DEV_BASE_URL } from "../../scripts/build-settings";
import { XmlElement, childrenNamed, descendants, localName, parseXml, path } from "./xml";

const ROOT = nodePath.resolve(__dirname, "../..");
const manifest = parseXml(fs.readFileSync(nodePath.join(ROOT, "manifest.xml"), "utf8"));

// Documented child order (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering and the
// MS-OWEMXML schema sequences). Optional elements may be missing; present ones must keep this order.
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"];
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];
const DESKTOP_FORM_FACTOR_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const GROUP_ORDER = ["Label", "Icon", "Control"];
const BUTTON_ORDER = ["Label", "Supertip", "Icon", "Action"];
const RESOURCES_ORDER = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];

const REQUIRED_OFFICE_APP_CHILDREN = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

const RESID_MAX_LENGTH = 32;
const SHORT_STRING_MAX_LENGTH = 125;
const LONG_STRING_MAX_LENGTH = 250;
const NAMESPACE_MAX_LENGTH = 32;

/** Names of children that break the documented order, as "X after Y" messages (empty when in order). */
function orderViolations(element: XmlElement, order: string[]): string[] {
  const problems: string[] = [];
  let lastIndex = -1;
  let lastName = "(start)";
  for (const child of element.children) {
    const index = order.indexOf(child.name);
    if (index < 0) problems.push(`<${child.name}> is not an expected child of <${element.name}>`);
    else if (index < lastIndex) problems.push(`<${child.name}> must come before <${lastName}>`);
    else {
      lastIndex = index;
      lastName = child.name;
    }
  }
  return problems;
}

const versionOverrides = path(manifest, "VersionOverrides");
const workbookHost = path(versionOverrides, "Hosts", "Host");
const resources = path(versionOverrides, "Resources");
const customFunctions = descendants(workbookHost).find(
  (element) => element.name === "ExtensionPoint" && element.attributes["xsi:type"] === "CustomFunctions",
);

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

function resourcesOfKind(kind: ResourceKind): XmlElement[] {
  return childrenNamed(resources, kind).flatMap((group) => group.children);
}

const RESOURCE_KINDS: ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];

function resource(id: string): XmlElement {
  const matches = RESOURCE_KINDS.flatMap(resourcesOfKind).filter((element) => element.attributes.id === id);
  if (matches.length !== 1) throw new Error(`resource "${id}" defined ${matches.length} times`);
  return matches[0] as XmlElement;
}

/** The kind of resource an element's resid must point at. */
function expectedResourceKind(element: XmlElement): ResourceKind {
  switch (localName(element)) {
    case "Image":
      return "bt:Images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "LearnMoreUrl":
      return "bt:Urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "bt:ShortStrings";
    case "Description":
      return "bt:LongStrings";
    default:
      throw new Error(`no rule for resid on <${element.name}>`);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/icon-32.png for https://localhost:3000/assets/icon-32.png */
function sourceFileFor(url: string): string {
  return nodePath.join(ROOT, url.slice(DEV_BASE_URL.length));
}

describe("the XML reader used by these tests", () => {
  it("rejects malformed XML instead of reading half of it", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/does not close/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/Duplicate attribute/);
    expect(() => parseXml("<a>")).toThrow(/Unclosed/);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/Unknown entity/);
  });

  it("reads attributes, entities and nesting", () => {
    const root = parseXml("<?xml version=\"1.0\"?><!-- c --><r a='x &amp; y'><c>1 &lt; 2</c><c/></r>");
    expect(root.attributes.a).toBe("x & y");
    expect(root.children.map((child) => child.text)).toEqual(["1 < 2", ""]);
  });
});

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel only, with its top-level elements in the documented order", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(orderViolations(manifest, OFFICE_APP_ORDER)).toEqual([]);
    const present = manifest.children.map((child) => child.name);
    expect(REQUIRED_OFFICE_APP_CHILDREN.filter((name) => !present.includes(name))).toEqual([]);
    expect(childrenNamed(path(manifest, "Hosts"), "Host").map((host) => host.attributes.Name)).toEqual(["Workbook"]);
  });

  it("has a fixed GUID id, a four-part version, the AE Guard name and read/write document permission", () => {
    expect(path(manifest, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(path(manifest, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(path(manifest, "DisplayName").attributes.DefaultValue).toBe("AE Guard");
    expect(path(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  it("requires the shared runtime and custom functions runtime 1.2, and ExcelApi 1.9 for the commands", () => {
    const sets = childrenNamed(path(manifest, "Requirements", "Sets"), "Set").map(
      (set) => `${set.attributes.Name} ${set.attributes.MinVersion}`,
    );
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.2"]));
    const overrideSets = childrenNamed(path(versionOverrides, "Requirements", "bt:Sets"), "bt:Set").map(
      (set) => `${set.attributes.Name} ${set.attributes.MinVersion}`,
    );
    expect(overrideSets).toEqual(["ExcelApi 1.9"]);
  });

  it("keeps VersionOverrides, the Workbook host and the resources in the documented order", () => {
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(orderViolations(versionOverrides, VERSION_OVERRIDES_ORDER)).toEqual([]);
    expect(workbookHost.attributes["xsi:type"]).toBe("Workbook");
    expect(orderViolations(workbookHost, HOST_ORDER)).toEqual([]);
    expect(orderViolations(path(workbookHost, "DesktopFormFactor"), DESKTOP_FORM_FACTOR_ORDER)).toEqual([]);
    expect(orderViolations(resources, RESOURCES_ORDER)).toEqual([]);
  });

  it("declares exactly one long-lived runtime", () => {
    const runtimes = childrenNamed(path(workbookHost, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.attributes.lifetime).toBe("long");
  });

  it("runs custom functions, the function file and the task pane button in that same runtime", () => {
    const runtimeResid = path(workbookHost, "Runtimes", "Runtime").attributes.resid;
    expect(customFunctions).toBeDefined();
    const functions = customFunctions as XmlElement;
    expect(orderViolations(functions, CUSTOM_FUNCTIONS_ORDER)).toEqual([]);
    expect(path(functions, "Page", "SourceLocation").attributes.resid).toBe(runtimeResid);
    expect(path(workbookHost, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe(runtimeResid);
    const actions = descendants(workbookHost).filter((element) => element.name === "Action");
    expect(actions.length).toBeGreaterThan(0);
    const taskpaneIds = new Set<string>();
    for (const action of actions) {
      expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
      // One task pane: every action names the same TaskpaneId (an action without one is another task pane), before
      // its SourceLocation as the schema orders them, like Microsoft's shared-runtime template.
      expect(action.children.map((child) => child.name)).toEqual(["TaskpaneId", "SourceLocation"]);
      taskpaneIds.add(path(action, "TaskpaneId").text.trim());
      expect(path(action, "SourceLocation").attributes.resid).toBe(runtimeResid);
    }
    expect([...taskpaneIds]).toEqual(["AEGuard.Taskpane"]);
  });

  it("points the custom functions at the built functions.js and functions.json (zh-CN: functions.zh-CN.json)", () => {
    const functions = customFunctions as XmlElement;
    const script = resource(path(functions, "Script", "SourceLocation").attributes.resid ?? "");
    expect(script.attributes.DefaultValue).toBe(`${DEV_BASE_URL}functions.js`);
    const metadata = resource(path(functions, "Metadata", "SourceLocation").attributes.resid ?? "");
    expect(metadata.attributes.DefaultValue).toBe(`${DEV_BASE_URL}functions.json`);
    const overrides = childrenNamed(metadata, "bt:Override").map((o) => [o.attributes.Locale, o.attributes.Value]);
    expect(overrides).toEqual([["zh-CN", `${DEV_BASE_URL}functions.zh-CN.json`]]);
  });

  it("uses the namespace AE in every locale", () => {
    const namespace = resource(path(customFunctions as XmlElement, "Namespace").attributes.resid ?? "");
    expect(namespace.parent?.name).toBe("bt:ShortStrings");
    const values = [
      namespace.attributes.DefaultValue,
      ...childrenNamed(namespace, "bt:Override").map((o) => o.attributes.Value),
    ];
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) {
      expect(value).toBe("AE");
      expect((value ?? "").length).toBeLessThanOrEqual(NAMESPACE_MAX_LENGTH);
    }
  });

  it("resolves every resid to exactly one resource of the right kind", () => {
    const referencing = descendants(versionOverrides).filter((element) => element.attributes.resid !== undefined);
    expect(referencing.length).toBeGreaterThan(10);
    const unresolved: string[] = [];
    for (const element of referencing) {
      const resid = element.attributes.resid as string;
      const kind = expectedResourceKind(element);
      const found = resourcesOfKind(kind).filter((candidate) => candidate.attributes.id === resid);
      if (found.length !== 1) unresolved.push(`<${element.name} resid="${resid}"> → ${found.length} in ${kind}`);
      if (resid.length > RESID_MAX_LENGTH) unresolved.push(`resid "${resid}" is longer than ${RESID_MAX_LENGTH}`);
    }
    expect(unresolved).toEqual([]);
  });

  it("defines each resource id once and keeps strings within Office's length limits", () => {
    const ids = RESOURCE_KINDS.flatMap(resourcesOfKind).map((element) => element.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    const tooLong = (kind: ResourceKind, limit: number): string[] =>
      resourcesOfKind(kind)
        .flatMap((element) => [element, ...childrenNamed(element, "bt:Override")])
        .map((element) => element.attributes.DefaultValue ?? element.attributes.Value ?? "")
        .filter((value) => value.length > limit);
    expect(tooLong("bt:ShortStrings", SHORT_STRING_MAX_LENGTH)).toEqual([]);
    expect(tooLong("bt:LongStrings", LONG_STRING_MAX_LENGTH)).toEqual([]);
  });

  it("puts a Scan orders button in an AE Guard group on the Home tab, translated for zh-CN", () => {
    const commandSurface = childrenNamed(path(workbookHost, "DesktopFormFactor"), "ExtensionPoint").find(
      (element) => element.attributes["xsi:type"] === "PrimaryCommandSurface",
    ) as XmlElement;
    const tab = path(commandSurface, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const group = path(tab, "Group");
    expect(orderViolations(group, GROUP_ORDER)).toEqual([]);
    expect(resource(path(group, "Label").attributes.resid ?? "").attributes.DefaultValue).toBe("AE Guard");
    const button = path(group, "Control");
    expect(button.attributes["xsi:type"]).toBe("Button");
    expect(orderViolations(button, BUTTON_ORDER)).toEqual([]);
    const label = resource(path(button, "Label").attributes.resid ?? "");
    expect(label.attributes.DefaultValue).toBe("Scan orders");
    expect(childrenNamed(label, "bt:Override").map((o) => o.attributes.Locale)).toEqual(["zh-CN"]);
  });

  it("serves everything from the dev server at https://localhost:3000/", () => {
    const urls = [manifest, ...descendants(manifest)].flatMap((element) =>
      Object.entries(element.attributes)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
        .map(([, value]) => value),
    );
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(DEV_BASE_URL))).toEqual([]);
    expect(path(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(
      `${DEV_BASE_URL}taskpane.html`,
    );
  });

  it("references icons that exist in assets/ at the size Office asks for", () => {
    const expected: Array<[string, number]> = [
      [path(manifest, "IconUrl").attributes.DefaultValue ?? "", 32],
      [path(manifest, "HighResolutionIconUrl").attributes.DefaultValue ?? "", 64],
    ];
    for (const image of descendants(workbookHost).filter((element) => element.name === "bt:Image")) {
      const url = resource(image.attributes.resid ?? "").attributes.DefaultValue ?? "";
      expected.push([url, Number(image.attributes.size)]);
    }
    for (const [url, size] of expected) {
      expect({ url, ...pngSize(sourceFileFor(url)) }).toEqual({ url, width: size, height: size });
    }
  });
});
