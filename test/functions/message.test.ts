import "./support/customFunctionsStub";
import { message } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";
// These tests set overrides synchronously; in Excel, prepareFunctionSettings fetches the readers first.
import "../../src/functions/overrideReaders";

/** AE.MESSAGE gives the draft the scan's to-do gives: same templates, same language table. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000;

beforeEach(() => resetFunctionSettings());

describe("AE.MESSAGE", () => {
  it("writes the delay draft in the buyer country's language with the order id and the ship date", () => {
    const [[text]] = message([["8100000000000001"]], [["BR"]], [[serial(2025, 6, 18)]]) as string[][];
    expect(text).toBe(
      "Olá, obrigado pelo seu pedido 8100000000000001. Pedimos desculpas: ele ainda não foi enviado. Vamos enviá-lo até 2025-06-18 e mandaremos o código de rastreio assim que sair. Obrigado pela paciência.",
    );
  });

  it("spills over a column, English for an unknown or blank country, and takes the other kinds", () => {
    const result = message(
      [["A1"], ["A2"], [""]],
      [["Atlantis"], [""], ["FR"]],
      [["2025-06-18"]],
      [["tracking updated"]],
    );
    expect(result[0]?.[0]).toBe(
      "Hello, we have updated the tracking number of your order A1. You can follow the parcel from your order details. Thank you for shopping with us.",
    );
    expect(result[1]?.[0]).toContain("order A2");
    expect(result[2]?.[0]).toBe("");
    const [[late]] = message([["A3"]], [["俄罗斯"]], [["2025-06-18"]], [["shipped late"]]) as string[][];
    expect(late).toMatch(/^Здравствуйте! Ваш заказ A3 отправлен\./);
  });

  it("shows #VALUE! with the reason for a missing date or an unknown kind", () => {
    const [[noDate]] = message([["A1"]], [["DE"]], [[null]]) as Array<Array<{ message?: string }>>;
    expect(String(noDate?.message ?? noDate)).toMatch(/newShipDate is needed/);
    const [[badKind]] = message([["A1"]], [["DE"]], [["2025-06-18"]], [["thanks"]]) as Array<
      Array<{ message?: string }>
    >;
    expect(String(badKind?.message ?? badKind)).toMatch(/kind "thanks" is not delay/);
  });

  it("uses the seller's wording when the pane hands it over, and the built-in one for a refused file", () => {
    const json = JSON.stringify({ "pt-BR": { delay: "Oi! Pedido {orderId} sai até {shipDate}." } });
    setFunctionSettings({ templatesOverride: { file: "shop.json", json } });
    const [[mine]] = message([["8100000000000001"]], [["BR"]], [[serial(2025, 6, 18)]]) as string[][];
    expect(mine).toBe("Oi! Pedido 8100000000000001 sai até 2025-06-18.");
    const bad = JSON.stringify({ "pt-BR": { delay: "Oi! Pedido {orderId}." } });
    setFunctionSettings({ templatesOverride: { file: "bad.json", json: bad } });
    const [[builtIn]] = message([["8100000000000001"]], [["BR"]], [[serial(2025, 6, 18)]]) as string[][];
    expect(builtIn).toMatch(/^Olá, obrigado pelo seu pedido 8100000000000001/);
  });
});
