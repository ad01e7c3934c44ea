/**
 * Order sheets built in code, one per export shape the reader must understand. Every builder renders the same
 * sample orders, so the tests can compare what each shape reads back with one expectation.
 */
import type { CellValue, Order, SheetGrid } from "../../../src/core/model";
import { wallClockToInstant } from "../../../src/core/dates/zone";
import { wallClockToSerial } from "../../../src/core/dates/serial";

export const LA = "America/Los_Angeles";

/** A wall-clock reading [y, m, d, h, mi]. */
export type Wall = [number, number, number, number, number];

export interface SampleOrder {
  id: string;
  status: string;
  statusEn: string;
  buyer: string;
  country: string;
  created: Wall;
  paid: Wall;
  deadline: Wall;
  shipped?: Wall;
  carrier?: string;
  tracking?: string;
  buyerCarrier: string;
  delivered?: Wall;
  amount: number;
}

export const SAMPLE_ORDERS: SampleOrder[] = [
  {
    id: "8012345678901234",
    status: "等待您发货",
    statusEn: "Awaiting shipment",
    buyer: "Ann Lee",
    country: "US",
    created: [2025, 6, 1, 9, 30],
    paid: [2025, 6, 1, 10, 0],
    deadline: [2025, 6, 8, 10, 0],
    buyerCarrier: "AliExpress Standard Shipping",
    amount: 12.5,
  },
  {
    id: "8012345678901235",
    status: "等待买家收货",
    statusEn: "Awaiting delivery",
    buyer: "Björn Ek",
    country: "SE",
    created: [2025, 5, 20, 23, 5],
    paid: [2025, 5, 21, 0, 15],
    deadline: [2025, 5, 28, 0, 15],
    shipped: [2025, 5, 29, 8, 0],
    carrier: "YANWEN",
    tracking: "UG123456785CN",
    buyerCarrier: "YANWEN Economy",
    amount: 88,
  },
  {
    id: "8012345678901236",
    status: "交易完成",
    statusEn: "Finished",
    buyer: "Chloé",
    country: "FR",
    created: [2025, 3, 9, 1, 0],
    paid: [2025, 3, 9, 2, 30], // the night Los Angeles springs forward
    deadline: [2025, 3, 16, 2, 30],
    shipped: [2025, 3, 10, 16, 45],
    carrier: "China Post Registered Air Mail",
    tracking: "RR123456785CN",
    buyerCarrier: "China Post Registered Air Mail",
    delivered: [2025, 4, 2, 11, 20],
    amount: 1234.56,
  },
];

export const wallMs = ([y, m, d, h, mi]: Wall): number => Date.UTC(y, m - 1, d, h, mi);
export const at = (w: Wall, zone = LA): number => wallClockToInstant(wallMs(w), zone);
export const serial = (w: Wall, date1904 = false): number => wallClockToSerial(wallMs(w), date1904);

const pad = (n: number) => String(n).padStart(2, "0");
export const isoText = ([y, m, d, h, mi]: Wall): string => `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`;
export const slashText = ([y, m, d, h, mi]: Wall): string => `${y}/${m}/${d} ${h}:${pad(mi)}`;
export const chineseText = ([y, m, d, h, mi]: Wall): string => `${y}年${m}月${d}日 ${h}时${pad(mi)}分`;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const englishText = ([y, m, d, h, mi]: Wall): string => `${MONTHS[m - 1]} ${d}, ${y} ${h}:${pad(mi)}`;
export const usText = ([y, m, d, h, mi]: Wall): string =>
  `${pad(m)}/${pad(d)}/${y} ${h % 12 === 0 ? 12 : h % 12}:${pad(mi)} ${h < 12 ? "AM" : "PM"}`;
export const apiText = ([y, m, d, h, mi]: Wall, zone = LA): string => {
  // yyyyMMddHHmmssSSS±zzzz with the zone's offset at that moment, as the open API writes it.
  const offsetMinutes = Math.round((wallMs([y, m, d, h, mi]) - at([y, m, d, h, mi], zone)) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${y}${pad(m)}${pad(d)}${pad(h)}${pad(mi)}00000${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
};

/** The Order every shape must read back for a sample (fields the shape has). */
export function expectedOrder(
  sample: SampleOrder,
  rows: number[],
  has: { status?: "zh" | "en"; carrier?: boolean; created?: boolean; delivered?: boolean; buyerCarrier?: boolean } = {},
): Order {
  const order: Order = {
    orderId: sample.id,
    rows,
    paidAt: at(sample.paid),
    shipDeadline: at(sample.deadline),
    buyerCountry: sample.country,
    buyerName: sample.buyer,
    amount: sample.amount,
  };
  if (has.status) order.status = has.status === "zh" ? sample.status : sample.statusEn;
  if (has.created !== false) order.createdAt = at(sample.created);
  if (has.buyerCarrier !== false) order.buyerCarrier = sample.buyerCarrier;
  if (sample.shipped) order.shippedAt = at(sample.shipped);
  if (sample.tracking) order.trackingNumber = sample.tracking;
  if (sample.carrier && has.carrier !== false) order.carrier = sample.carrier;
  if (sample.delivered && has.delivered !== false) order.deliveredAt = at(sample.delivered);
  return order;
}

const grid = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, rows, ...extra });

/** 4a: the 2019 seller-centre export, text dates, carrier and tracking number in one cell. */
export function sellerCentre2019(): SheetGrid {
  const header = [
    "订单号", "订单状态", "负责人(业务员)", "买家名称", "下单时间", "付款时间", "产品总金额", "物流费用", "订单金额", "满立减",
    "产品信息（双击单元格展开所有产品信息！）", "订单备注", "收货地址", "收货人名称", "收货国家", "州/省", "城市", "地址", "邮编",
    "联系电话", "手机", "买家选择物流", "发货期限", "实际发货物流:运单号", "发货时间", "确认收货时间",
  ];
  const rows: CellValue[][] = [header];
  for (const o of SAMPLE_ORDERS) {
    rows.push([
      o.id, o.status, "", o.buyer, isoText(o.created), isoText(o.paid), `US $${(o.amount - 2).toFixed(2)}`, "US $2.00",
      `US $${o.amount.toFixed(2)}`, "", "【1】Phone case\n(Color: red)\n(数量:1)", "", "1 Main St", o.buyer, o.country, "", "",
      "", "", "", "", o.buyerCarrier, isoText(o.deadline), o.carrier ? `${o.carrier}:${o.tracking}` : "",
      o.shipped ? isoText(o.shipped) : "", o.delivered ? isoText(o.delivered) : "",
    ]);
  }
  return grid("订单列表", rows);
}

/** 4b: the later Chinese export: 实际发货单号 (tracking number only), serial dates, amounts as numbers. */
export function sellerCentreLater(): SheetGrid {
  const header = [
    "订单号", "订单状态", "买家名称", "下单时间", "付款时间", "产品数量", "产品总金额", "物流费用", "预计增值税",
    "平台是否代征代缴", "订单金额", "店铺优惠", "商品信息", "商品编码", "收货地址", "收件人名称", "收货国家", "州/省", "城市",
    "地址", "邮编", "买家选择物流", "发货期限", "实际发货单号", "发货时间", "确认收货时间",
  ];
  const rows: CellValue[][] = [header];
  for (const o of SAMPLE_ORDERS) {
    rows.push([
      o.id, o.status, o.buyer, serial(o.created), serial(o.paid), 1, o.amount, 0, 0, "否", o.amount, 0, "Phone case",
      "SKU-1", "1 Main St", o.buyer, o.country, "", "", "", "", o.buyerCarrier, serial(o.deadline), o.tracking ?? "",
      o.shipped ? serial(o.shipped) : "", o.delivered ? serial(o.delivered) : "",
    ]);
  }
  return grid("Sheet1", rows);
}

/** An English export: US-style and month-name dates, currency text, separate carrier and tracking columns. */
export function englishExport(): SheetGrid {
  const header = [
    "Order ID", "Order Status", "Buyer Name", "Order Time", "Payment Time", "Order Amount", "Country",
    "Shipping Method (buyer)", "Shipping Deadline", "Carrier", "Tracking Number", "Ship Time", "Delivered",
  ];
  const rows: CellValue[][] = [header];
  for (const o of SAMPLE_ORDERS) {
    rows.push([
      o.id, o.statusEn, o.buyer, usText(o.created), englishText(o.paid), `$${o.amount.toFixed(2)}`, o.country,
      o.buyerCarrier, usText(o.deadline), o.carrier ?? "", o.tracking ?? "", o.shipped ? englishText(o.shipped) : "",
      o.delivered ? usText(o.delivered) : "",
    ]);
  }
  return grid("Orders", rows);
}

/** Mabang 马帮: its own 订单编号 and the platform's 交易编号, one row per SKU with order-level cells blank. */
export function mabangExport(): SheetGrid {
  const header = [
    "订单编号", "交易编号", "交运时间", "物流渠道", "店铺名", "平台", "订单状态", "货运单号", "付款时间", "买家自选物流方式",
    "最后发货期限", "发货时间", "作废时间", "作废前状态", "签收时间", "订单总金额", "国家", "买家", "SKU", "商品数量",
  ];
  const rows: CellValue[][] = [header];
  SAMPLE_ORDERS.forEach((o, n) => {
    rows.push([
      `MB2025${n}`, o.id, o.shipped ? slashText(o.shipped) : "", o.carrier ?? "", "My Store", "AliExpress", o.status,
      o.tracking ?? "", slashText(o.paid), o.buyerCarrier, slashText(o.deadline), o.shipped ? slashText(o.shipped) : "",
      "", "", o.delivered ? slashText(o.delivered) : "", o.amount, o.country, o.buyer, `SKU-${n}-A`, 1,
    ]);
    for (const sku of ["B", "C"].slice(0, n + 1)) {
      rows.push(["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", `SKU-${n}-${sku}`, 2]);
    }
  });
  return grid("马帮订单", rows);
}

/** Dianxiaomi-style 店小秘: platform order number repeated on every SKU row, one package number per row. */
export function dianxiaomiExport(): SheetGrid {
  const header = [
    "平台订单号", "包裹号", "店铺账号", "订单状态", "买家姓名", "国家/地区", "付款时间", "剩余发货时间", "买家指定物流",
    "物流方式", "跟踪号", "发货时间", "订单金额", "产品SKU", "数量", "最迟发货时间",
  ];
  const rows: CellValue[][] = [header];
  SAMPLE_ORDERS.forEach((o, n) => {
    const skuRows = n === 1 ? 2 : 1;
    for (let k = 0; k < skuRows; k++) {
      rows.push([
        o.id, `XM${n}${k}`, "shop-1", o.status, o.buyer, o.country, chineseText(o.paid), "", o.buyerCarrier,
        o.carrier ?? "", o.tracking ?? "", o.shipped ? chineseText(o.shipped) : "", `USD ${o.amount.toFixed(2)}`,
        `SKU-${k}`, 1, isoText(o.deadline),
      ]);
    }
  });
  return grid("Dianxiaomi", rows);
}

/** The open API's field names, as tools that dump it write a CSV (all cells text). */
export function apiCsvText(): string {
  const header = [
    "order_id", "order_status", "gmt_create", "gmt_pay_time", "over_time_left", "gmt_send_goods_time",
    "logistics_service_name", "logistics_no", "receipt_address.country", "buyer_signer_fullname", "pay_amount",
    "end_reason", "gmt_received", "goods_prepare_time",
  ];
  const lines = [header.join(",")];
  for (const o of SAMPLE_ORDERS) {
    lines.push(
      [
        o.id, "WAIT_SELLER_SEND_GOODS", apiText(o.created), apiText(o.paid), apiText(o.deadline),
        o.shipped ? apiText(o.shipped) : "", o.carrier ? `"${o.carrier}"` : "", o.tracking ?? "", o.country,
        `"${o.buyer}"`, o.amount.toFixed(2), "", o.delivered ? apiText(o.delivered) : "", "7",
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
