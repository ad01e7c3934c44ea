import { TextIndex } from "../../../src/core/base/textIndex";

describe("TextIndex", () => {
  it("gives back every number stored, after growing well past its first size, and -1 for any other text", () => {
    const index = new TextIndex(1);
    const keys = Array.from({ length: 5000 }, (_, n) => (n % 3 === 0 ? `80${n}` : `${n}-x`));
    keys.forEach((key, n) => {
      expect(index.get(key)).toBe(-1);
      index.set(key, n);
    });
    expect(index.size).toBe(5000);
    keys.forEach((key, n) => expect(index.get(key)).toBe(n));
    expect(index.get("not there")).toBe(-1);
    expect(index.get("")).toBe(-1);
  });

  it("replaces the number of a key set again, and tells keys with the same letters apart", () => {
    const index = new TextIndex();
    index.set("LP001", 1);
    index.set("LP001", 7);
    index.set("lp001", 2);
    index.set("", 0);
    expect([index.get("LP001"), index.get("lp001"), index.get(""), index.size]).toEqual([7, 2, 0, 3]);
  });

  it("agrees with a Map on random keys, many of them sharing a hash bucket", () => {
    const index = new TextIndex(4);
    const reference = new Map<string, number>();
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 20000; n++) {
      const key = String(next() % 3000);
      const value = next() % 1000;
      index.set(key, value);
      reference.set(key, value);
    }
    for (const [key, value] of reference) expect(index.get(key)).toBe(value);
    expect(index.size).toBe(reference.size);
  });
});

describe("TextIndex.putIfAbsent", () => {
  it("stores a new key's number and says it was absent, and keeps the first number of a key it has", () => {
    const index = new TextIndex(1);
    expect(index.putIfAbsent("8001", 0)).toBe(-1);
    expect(index.putIfAbsent("8002", 1)).toBe(-1);
    expect(index.putIfAbsent("8001", 5)).toBe(0);
    expect([index.get("8001"), index.get("8002"), index.size]).toEqual([0, 1, 2]);
  });
});
