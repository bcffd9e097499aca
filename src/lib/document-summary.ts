/**
 * A document as the pages, the dataset and the downloads describe it, from its
 * validated frontmatter and the speaker registry. Plain data with no Astro
 * import, so that code outside Astro's build (the parallel outputs, tests)
 * describes a document exactly as the pages do.
 */
import { formatIsoDate } from './iso-date.ts';
import type { DocumentFrontmatter, Speaker } from './schema.ts';

export interface SpeakerRef {
  id: string;
  name: string;
}

export interface DocumentSummary {
  slug: string;
  href: string;
  title: string;
  date: string;
  dateLabel: string;
  dateBasis: 'printed' | 'inferred';
  dateNote: string | undefined;
  /** The kind as a reader reads it ("blog post"). */
  kind: string;
  /** The kind's id, as in the frontmatter and the dataset ("blog-post"). */
  kindId: string;
  outlet: SpeakerRef;
  speakers: SpeakerRef[];
  summary: string;
  reference: string | undefined;
  section: string | undefined;
  url: string | undefined;
  eventDates: { iso: string; label: string }[];
  masthead: string[];
  sourceHref: string;
}

function speakerRef(speakers: ReadonlyMap<string, Speaker>, id: string): SpeakerRef {
  // The content check has already refused unknown ids; the fallback keeps types honest.
  return { id, name: speakers.get(id)?.name ?? id };
}

export function summariseDocument(entry: { id: string; data: DocumentFrontmatter }, speakers: ReadonlyMap<string, Speaker>): DocumentSummary {
  const data = entry.data;
  return {
    slug: entry.id,
    href: `/documents/${entry.id}/`,
    title: data.title,
    date: data.date,
    dateLabel: formatIsoDate(data.date),
    dateBasis: data.dateBasis,
    dateNote: data.dateNote,
    kind: data.kind.replace('-', ' '),
    kindId: data.kind,
    outlet: speakerRef(speakers, data.outlet),
    speakers: data.speakers.map((id) => speakerRef(speakers, id)),
    summary: data.summary,
    reference: data.reference,
    section: data.section,
    url: data.url,
    eventDates: data.eventDates.map((iso) => ({ iso, label: formatIsoDate(iso) })),
    masthead: data.masthead,
    sourceHref: `/sources/${data.source}`,
  };
}

