/**
 * The outputs built beside Astro's build, in a process of its own (started by
 * parallel-outputs.ts): the search index, the citation downloads and the raw
 * sources. None of them needs a rendered page, so they are written while Astro
 * renders, on the core Astro's single thread leaves idle.
 *
 * Usage: node write-parallel-outputs.ts <project root> <output folder> <site URL>
 * Prints one JSON line of figures on success; exits non-zero with the reason.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { citationFiles, citationsOf } from '../lib/citation-downloads.ts';
import { CONTENT_PATHS } from '../lib/content-paths.ts';
import { readCorpus, type Corpus } from '../lib/corpus.ts';
import { datasetDocument, datasetSpeaker, datasetStatements } from '../lib/dataset.ts';
import { writeSearchIndex } from '../lib/search-index.ts';
import { documentSearchRecords, passageSearchRecords, type SearchDataset, type SearchRecord } from '../lib/search-records.ts';

const [root, outDir, siteUrl] = process.argv.slice(2);
if (!root || !outDir || !siteUrl) {
  console.error('Usage: node write-parallel-outputs.ts <project root> <output folder> <site URL>');
  process.exit(2);
}

/** The parts of the open dataset search is built from, exactly as /data/*.json publishes them. */
function searchDataset(corpus: Corpus): SearchDataset {
  const counts = new Map<string, number>();
  for (const { statements } of corpus.documents) for (const statement of statements) for (const id of statement.speakers) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    statements: corpus.documents.flatMap(({ document, statements }) => datasetStatements(document, statements)),
    documents: corpus.documents.map(({ document, statements }) => datasetDocument(document, statements.length)),
    speakers: [...corpus.speakers.values()].map((speaker) => datasetSpeaker(speaker, counts.get(speaker.id) ?? 0)),
  };
}

/** Each document's records (its own first, then its passages'), in dataset order. */
function recordsByDocument(corpus: Corpus): SearchRecord[][] {
  const dataset = searchDataset(corpus);
  const textOf = new Map(corpus.documents.map(({ document, masthead, narration }) => [document.slug, { masthead, narration }]));
  const byPage = new Map<string, SearchRecord[]>();
  const add = (record: SearchRecord) => {
    const page = record.url.split('#')[0]!;
    const list = byPage.get(page);
    if (list) list.push(record);
    else byPage.set(page, [record]);
  };
  documentSearchRecords(dataset, (slug) => textOf.get(slug)!).forEach(add);
  passageSearchRecords(dataset).forEach(add);
  return [...byPage.values()];
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function writeDownloads(corpus: Corpus, site: URL): Promise<number> {
  let files = 0;
  await mkdir(join(outDir!, 'sources'), { recursive: true });
  for (const { document, statements, source } of corpus.documents) {
    for (const file of citationFiles(document.slug, citationsOf(document, statements, corpus.speakers, site))) {
      await writeText(join(outDir!, file.path), file.text);
      files++;
    }
    // The raw text as received, byte for byte.
    await copyFile(join(root!, CONTENT_PATHS.sources, source), join(outDir!, 'sources', source));
    files++;
  }
  return files;
}

const started = performance.now();
const corpus = readCorpus(root);
const [downloads, search] = await Promise.all([writeDownloads(corpus, new URL(siteUrl)), writeSearchIndex(recordsByDocument(corpus), outDir)]);
console.log(JSON.stringify({ documents: corpus.documents.length, downloads, ...search, milliseconds: Math.round(performance.now() - started) }));
