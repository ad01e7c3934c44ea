/**
 * Check-digit algorithms as small pure functions over a slice [from, to) of a normalized number. Each returns
 * the expected check character's code (48–57 for a digit, 65–90 for mod 37/36's letters), or -1 when the slice
 * holds a character the algorithm cannot read. Reference: CHECKSUM_ALGORITHMS.md of jkeen/tracking_number_data.
 */
const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;

export function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** UPU S10: weights 8 6 4 2 3 5 9 7, mod 11; remainder 1 gives 0, remainder 0 gives 5, otherwise 11 − r. */
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

export function s10Check(s: string, from: number, to: number): number {
  let total = 0;
  for (let i = from, w = 0; i < to; i++, w++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c) || w >= S10_WEIGHTS.length) return -1;
    total += (c - ZERO) * S10_WEIGHTS[w];
  }
  const remainder = total % 11;
  const check = remainder === 1 ? 0 : remainder === 0 ? 5 : 11 - remainder;
  return ZERO + check;
}

/** The payload read as a decimal number, mod 7 (DHL Express). */
export function mod7Check(s: string, from: number, to: number): number {
  let remainder = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    remainder = (remainder * 10 + (c - ZERO)) % 7;
  }
  return ZERO + remainder;
}

/**
 * Mod 10 with position multipliers counted from the payload's start (the prepended digits first). Letters count
 * as (char code − 3) mod 10, as UPS does.
 */
export function mod10Check(s: string, from: number, to: number, evens: number, odds: number, prepend: string): number {
  let total = 0;
  let position = 0;
  for (let i = 0; i < prepend.length; i++, position++) {
    const x = prepend.charCodeAt(i) - ZERO;
    total += x * ((position & 1) === 1 ? odds : evens);
  }
  for (let i = from; i < to; i++, position++) {
    const c = s.charCodeAt(i);
    let x: number;
    if (isDigit(c)) x = c - ZERO;
    else if (c >= UPPER_A && c <= UPPER_Z) x = (c - 3) % 10;
    else return -1;
    total += x * ((position & 1) === 1 ? odds : evens);
  }
  const remainder = total % 10;
  return ZERO + (remainder === 0 ? 0 : 10 - remainder);
}

/** Sum of digit × weight, then mod modulo1, then mod modulo2 (FedEx). */
export function weightedCheck(
  s: string,
  from: number,
  to: number,
  weights: readonly number[],
  modulo1: number,
  modulo2: number,
): number {
  let total = 0;
  for (let i = from, w = 0; i < to; i++, w++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    total += (c - ZERO) * (w < weights.length ? weights[w] : 0);
  }
  return ZERO + ((total % modulo1) % modulo2);
}

/** Luhn: from the right, every second digit doubled (digits of the product summed). */
export function luhnCheck(s: string, from: number, to: number): number {
  let total = 0;
  let double = true;
  for (let i = to - 1; i >= from; i--) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    let d = c - ZERO;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
    double = !double;
  }
  return ZERO + ((10 - (total % 10)) % 10);
}

/** ISO 7064 Mod 37,36 as DPD uses it; the check character is 0–9 or A–Z. */
export function mod37_36Check(s: string, from: number, to: number): number {
  const mod = 36;
  let cd = mod;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let value: number;
    if (isDigit(c)) value = c - ZERO;
    else if (c >= UPPER_A && c <= UPPER_Z) value = c - UPPER_A + 10;
    else return -1;
    cd += value;
    if (cd > mod) cd -= mod;
    cd *= 2;
    if (cd > mod) cd -= mod + 1;
  }
  cd = mod + 1 - cd;
  if (cd === mod) cd = 0;
  return cd < 10 ? ZERO + cd : UPPER_A + cd - 10;
}
