import { MESSAGE_TEMPLATES, templateOverride, templateOverrideFromText } from "../../../src/core/actions";

const FILE = "my-templates.json";
const REFUSED = "the built-in templates are used.";

describe("a seller's message templates over the built-in ones", () => {
  it("replaces the kinds a language gives and keeps every other template built-in", () => {
    const delay = "Hi! Order {orderId} leaves on {shipDate}. Sorry for the wait.";
    const choice = templateOverride({ en: { delay }, ru: { shippedLate: "Заказ {orderId} отправлен." } }, FILE);
    expect(choice.notes).toEqual([]);
    expect(choice.templates.en.delay).toBe(delay);
    expect(choice.templates.en.shippedLate).toBe(MESSAGE_TEMPLATES.en.shippedLate);
    expect(choice.templates.ru.shippedLate).toBe("Заказ {orderId} отправлен.");
    expect(choice.templates.ru.delay).toBe(MESSAGE_TEMPLATES.ru.delay);
    expect(choice.templates.de).toBe(MESSAGE_TEMPLATES.de);
    // The built-in set is never changed.
    expect(MESSAGE_TEMPLATES.en.delay).not.toBe(delay);
  });

  it("refuses a template missing a placeholder, naming the file and key, and keeps the built-in ones", () => {
    const choice = templateOverride(
      { en: { shippedLate: "Shipped, sorry!" }, fr: { delay: "Commande {orderId}." } },
      FILE,
    );
    expect(choice.templates).toBe(MESSAGE_TEMPLATES);
    expect(choice.notes).toEqual([
      {
        en: `${FILE}: en.shippedLate lacks {orderId}; ${REFUSED}`,
        zh: `${FILE}：en.shippedLate 缺少 {orderId}；已改用内置模板。`,
      },
    ]);
    expect(templateOverride({ fr: { delay: "Commande {orderId}." } }, FILE).notes[0]?.en).toBe(
      `${FILE}: fr.delay lacks {shipDate}; ${REFUSED}`,
    );
  });

  it("refuses a placeholder no draft fills", () => {
    const choice = templateOverride({ de: { delay: "Bestellung {orderId} kommt am {shipDate}, {buyerName}." } }, FILE);
    expect(choice.templates).toBe(MESSAGE_TEMPLATES);
    expect(choice.notes[0]?.en).toBe(
      `${FILE}: de.delay has {buyerName}, which no draft fills (use {orderId}, {shipDate}); ${REFUSED}`,
    );
  });

  it("refuses an unknown language or kind, naming the key", () => {
    expect(templateOverride({ it: { delay: "Ordine {orderId} {shipDate}" } }, FILE).notes[0]?.en).toBe(
      `${FILE}: unknown key "it" (known: en, ru, es, fr, pt-BR, pl, ko, de, zh-CN); ${REFUSED}`,
    );
    const kind = templateOverride({ en: { delays: "Order {orderId} {shipDate}" } }, FILE);
    expect(kind.templates).toBe(MESSAGE_TEMPLATES);
    expect(kind.notes[0]?.en).toBe(
      `${FILE}: unknown key "delays" in en (known: delay, shippedLate, trackingUpdated); ${REFUSED}`,
    );
    expect(templateOverride({ en: { delay: 42 } }, FILE).notes[0]?.en).toBe(
      `${FILE}: en.delay must be a non-empty text; ${REFUSED}`,
    );
    expect(templateOverride(JSON.parse('{"__proto__": {"delay": "x"}}'), FILE).notes[0]?.en).toMatch(
      /unknown key "__proto__"/,
    );
  });

  it("refuses text that is not JSON", () => {
    const choice = templateOverrideFromText('{ "en": { "delay": "Order {orderId}" ', FILE);
    expect(choice.templates).toBe(MESSAGE_TEMPLATES);
    expect(choice.notes[0]?.en).toMatch(new RegExp(`^${FILE}: is not valid JSON \\(.+\\); ${REFUSED}$`));
    expect(templateOverrideFromText("[]", FILE).notes[0]?.en).toBe(
      `${FILE}: the file must be an object of templates; ${REFUSED}`,
    );
  });
});
