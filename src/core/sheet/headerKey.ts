/**
 * The key two header texts are compared by: full-width forms folded (NFKC), lower case, and everything that is not
 * a letter or a digit dropped. "Order No.", "order_no", "ＯＲＤＥＲ　ＮＯ" and "订单号：" all reduce to one key each.
 */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const BRACKETED = /[([{【〔][^)\]}】〕]*[)\]}】〕]/g;

/** The header without its bracketed notes: "付款时间（北京时间）" -> "付款时间", "Paid At (UTC)" -> "Paid At". */
export function withoutBrackets(text: string): string {
  return text.normalize("NFKC").replace(BRACKETED, " ");
}

const PART_SEPARATOR = /[/|\n\r;]+/;

/** The parts of a bilingual or stacked header: "订单号 / Order ID" -> ["订单号 ", " Order ID"]. */
export function headerParts(text: string): string[] {
  return text.normalize("NFKC").split(PART_SEPARATOR);
}
