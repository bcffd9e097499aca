/**
 * A rebuild's index written over the last build's (search-index.ts, `writeOverlay`), with real Pagefind indexes in a
 * temporary folder: when it is written as an overlay, and when it must be written whole because the merged index
 * would find other records than a whole one.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  decodeCbor,
  fragmentIds,
  indexWords,
} from "../../../src/lib/pagefind-files.ts";
import {
  SHARD_CHARACTERS,
  SHARD_MANIFEST,
  writeSearchIndex,
  type DocumentRecords,
  type ShardManifest,
} from "../../../src/lib/search-index.ts";
import {
  prefixMismatches,
  vocabularyRecord,
} from "../../../src/lib/search-index-vocabulary.ts";
import type { SearchRecord } from "../../../src/lib/search-records.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders)
    rmSync(folder, { recursive: true, force: true });
});
function temporary(): string {
  const folder = mkdtempSync(join(tmpdir(), "dispatch-overlay-unit-"));
  folders.push(folder);
  return folder;
}

const record = (
  slug: string,
  content: string,
  speaker = "Wang Yi",
): SearchRecord => ({
  url: `/documents/${slug}/#p1`,
  content,
  language: "en",
  meta: { title: slug, kind: "statement" },
  filters: { speaker: [speaker], kind: ["statement"] },
});

const BEFORE: DocumentRecords[] = [
  [record("summit", "The ministers met at an anchorages of the north, a port")],
  [record("talks", "Talks in Moscow on trade", "Sergey Lavrov")],
  [record("removed", "A statement on quokkas")],
];
const LIMITS = { contentShare: 1, records: 250 };

async function rebuild(
  before: readonly DocumentRecords[],
  after: readonly DocumentRecords[],
  { shardCharacters = SHARD_CHARACTERS }: { shardCharacters?: number } = {},
) {
  const baseDir = temporary();
  const outDir = temporary();
  const { base } = await writeSearchIndex(before, baseDir, {
    shardCharacters,
    incremental: { key: "k", base: undefined, dir: "" },
  });
  return {
    base: base!,
    baseDir,
    outDir,
    rebuild: (mutate = (value: typeof base) => value) =>
      writeSearchIndex(after, outDir, {
        shardCharacters,
        incremental: {
          key: "k",
          base: mutate(base),
          dir: baseDir,
          limits: LIMITS,
        },
      }),
  };
}

describe("indexWords", () => {
  it("reads the stemmed words of an index and the records holding each", async () => {
    const dir = temporary();
    await writeSearchIndex(BEFORE, dir);
    const words = indexWords(join(dir, "pagefind"));
    const ids = fragmentIds(join(dir, "pagefind"));
    expect(words.get("north")).toEqual([ids.get("/documents/summit/#p1")]);
    expect(words.get("anchorag")).toEqual([ids.get("/documents/summit/#p1")]);
    expect(words.get("quokka")).toEqual([ids.get("/documents/removed/#p1")]);
    // Metadata is indexed too: every record's kind.
    expect(words.get("statement")?.length).toBe(3);
  }, 30_000);
});

describe("decodeCbor", () => {
  it("reads integers, strings, arrays and maps, and refuses trailing bytes", () => {
    // [1, -2, "ab", {"k": [500]}]
    const bytes = Uint8Array.from([
      0x84, 0x01, 0x21, 0x62, 0x61, 0x62, 0xa1, 0x61, 0x6b, 0x81, 0x19, 0x01,
      0xf4,
    ]);
    expect(decodeCbor(bytes)).toEqual([1, -2, "ab", { k: [500] }]);
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x02]))).toThrow(
      "1 bytes after the data",
    );
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow(
      "ends in the middle",
    );
  });
});

describe("vocabularyRecord", () => {
  it("holds each word of the content and the metadata once", () => {
    const vocabulary = vocabularyRecord("/v/", [
      record("a", "one two  one\nthree"),
      record("b", "two U.S.-China"),
    ]);
    expect(vocabulary.content.split(" ").sort()).toEqual([
      "U.S.-China",
      "a",
      "b",
      "one",
      "statement",
      "three",
      "two",
    ]);
    expect(vocabulary.filters).toEqual({});
  });
});

describe("prefixMismatches", () => {
  const vocabulary = { kept: "en_kept", superseded: "en_gone" };
  it("finds a changed record’s new word that starts a longer kept word", () => {
    const words = new Map([
      ["anchor", ["en_new"]],
      ["anchorag", ["en_kept"]],
      ["moscow", ["en_new", "en_kept"]],
    ]);
    expect(prefixMismatches(words, vocabulary)).toEqual(["anchor"]);
  });
  it("finds a word only superseded records held that starts a longer kept or changed word", () => {
    const words = new Map([
      ["quokka", ["en_gone"]],
      ["quokkas", ["en_new"]],
      ["trade", ["en_gone"]],
    ]);
    expect(prefixMismatches(words, vocabulary)).toEqual(["quokka"]);
  });
  it("finds nothing when every new word is new to the kept records, or held by the superseded ones too", () => {
    const words = new Map([
      ["anchor", ["en_new", "en_gone"]],
      ["anchorag", ["en_kept"]],
      ["zebra", ["en_new"]],
      ["zebr", ["en_kept", "en_new"]],
    ]);
    expect(prefixMismatches(words, vocabulary)).toEqual([]);
  });
});

describe("writeSearchIndex over a base", () => {
  it("writes an overlay with the vocabulary records listed as superseded, with no filters", async () => {
    const after = [
      BEFORE[0]!,
      [record("talks", "Talks in Moscow on north trade", "Sergey Lavrov")],
    ];
    const { outDir, rebuild: write } = await rebuild(BEFORE, after);
    const report = await write();
    expect(report.overlay).toEqual({ reused: 1, changed: 1, superseded: 2 });
    const manifest = JSON.parse(
      readFileSync(join(outDir, "pagefind", SHARD_MANIFEST), "utf8"),
    ) as ShardManifest;
    expect(manifest.merge).toEqual(["/pagefind-changes/"]);
    const superseded = Object.values(manifest.superseded ?? {});
    expect(superseded).toHaveLength(4);
    expect(
      superseded.filter((filters) => Object.keys(filters).length === 0),
    ).toHaveLength(2);
    // The overlay holds the base's words, so it matches "anchorages" exactly, as a whole index does.
    expect(indexWords(join(outDir, "pagefind-changes")).has("anchorag")).toBe(
      true,
    );
  }, 60_000);

  it("writes the index whole when an edit brings in a word that starts a longer word of the kept records", async () => {
    const after = [
      BEFORE[0]!,
      [record("talks", "Talks in Moscow on anchor chains", "Sergey Lavrov")],
      BEFORE[2]!,
    ];
    const report = await (await rebuild(BEFORE, after)).rebuild();
    expect(report.overlay).toBeUndefined();
    expect(report.wholeReason).toBe(
      '1 word ("anchor") would be matched by prefix in one index and exactly in another',
    );
    expect(report.base).toBeDefined();
  }, 60_000);

  it("writes the index whole when a removed record held the only copy of a word that starts a longer one", async () => {
    const before = [...BEFORE, [record("anchor", "An anchor")]];
    const report = await (await rebuild(before, BEFORE)).rebuild();
    expect(report.wholeReason).toBe(
      '1 word ("anchor") would be matched by prefix in one index and exactly in another',
    );
  }, 60_000);

  it("writes the index whole when a superseded record’s id is another record’s in another shard", async () => {
    const after = [
      BEFORE[0]!,
      [record("talks", "Talks in Moscow on north trade", "Sergey Lavrov")],
      BEFORE[2]!,
    ];
    // One document per shard. Pagefind's ids are seven hex digits of a hash: a clash is made here, not waited for.
    const { rebuild: write } = await rebuild(BEFORE, after, {
      shardCharacters: 10,
    });
    const report = await write((base) => {
      const records = structuredClone(base!.records);
      records["/documents/removed/#p1"]!.id =
        records["/documents/talks/#p1"]!.id;
      return { ...base!, records };
    });
    expect(report.wholeReason).toBe(
      "the id of superseded /documents/talks/#p1 is also another record’s in the last build’s index",
    );
    expect(report.shards).toBe(3);
  }, 60_000);
});
