import { boxAddress, columnLetters, columnNumber, documentReference, parseAreas, parseBox } from "../../src/excel/a1";
import { boxesToCells, cellsToBoxes, chunkAddresses, MAX_ADDRESS_CHARS, rowBlocksByKey, runs } from "../../src/excel/addresses";

describe("A1 addresses", () => {
  test("column letters round-trip across the one-, two- and three-letter boundaries", () => {
    for (const [n, letters] of [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [702, "ZZ"], [703, "AAA"], [16384, "XFD"]] as const) {
      expect(columnLetters(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
    }
    expect(() => columnLetters(16385)).toThrow();
  });

  test("boxes print and parse as Excel writes them", () => {
    expect(boxAddress({ firstRow: 5, firstColumn: 1, rowCount: 5, columnCount: 20 })).toBe("A5:T9");
    expect(boxAddress({ firstRow: 12, firstColumn: 3, rowCount: 1, columnCount: 1 })).toBe("C12");
    expect(parseBox("$A$5:$T$9")).toEqual({ firstRow: 5, firstColumn: 1, rowCount: 5, columnCount: 20 });
    expect(parseAreas("A5:T9, A12:T12")).toHaveLength(2);
    expect(() => parseBox("Orders!A1")).toThrow();
  });

  test("document references quote the sheet name and double its quotes", () => {
    expect(documentReference("Orders", 5, 1)).toBe("'Orders'!A5");
    expect(documentReference("Bob's 订单", 12, 3)).toBe("'Bob''s 订单'!C12");
  });
});

describe("coalescing rows into blocks", () => {
  test("runs of consecutive rows", () => {
    expect(runs([5, 6, 7, 9, 11, 12])).toEqual([
      { first: 5, count: 3 },
      { first: 9, count: 1 },
      { first: 11, count: 2 },
    ]);
  });

  test("consecutive rows of the same category become one block; a category change starts a new one", () => {
    const blocks = rowBlocksByKey(
      [
        { row: 5, key: "late" },
        { row: 6, key: "late" },
        { row: 7, key: "late" },
        { row: 8, key: "untracked" },
        { row: 9, key: "late" },
        { row: 12, key: "late" },
      ],
      1,
      20,
    );
    expect(blocks.get("late")!.map(boxAddress)).toEqual(["A5:T7", "A9:T9", "A12:T12"]);
    expect(blocks.get("untracked")!.map(boxAddress)).toEqual(["A8:T8"]);
  });

  test("cells group into rectangles: full rows merge downwards, partial rows keep their runs", () => {
    const cells = new Map<number, number[]>([
      [5, [1, 2, 3]],
      [6, [1, 2, 3]],
      [7, [1, 3]],
      [8, [1, 3]],
    ]);
    expect(cellsToBoxes(cells).map(boxAddress).sort()).toEqual(["A5:C6", "A7:A8", "C7:C8"].sort());
    expect(boxesToCells(cellsToBoxes(cells))).toEqual(cells);
  });
});

describe("address chunking", () => {
  test("10,000 scattered rows give address lists of at most 8,000 characters that cover every row once", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => 2 + i * 3); // never adjacent: no coalescing possible
    const boxes = [...rowBlocksByKey(rows.map((row) => ({ row, key: "late" })), 1, 20).values()].flat();
    const chunks = chunkAddresses(boxes);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    const covered = chunks.flatMap((chunk) => parseAreas(chunk)).map((box) => box.firstRow);
    expect(covered).toEqual(rows);
    // Lists are filled, not one area each: few getRanges calls for many rows.
    expect(chunks.length).toBeLessThan(30);
  });
});
