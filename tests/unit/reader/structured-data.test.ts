/**
 * schema.org JSON-LD: the types and fields each page states, one Quotation per
 * statement with the right creator, and a serialisation that no text in the
 * data can break out of (checked with an HTML parser, as a browser reads it).
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, Root, Text } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  SCHEMA_TYPE_BY_KIND,
  currentRole,
  documentJsonLd,
  documentJsonLdBlocks,
  idOnPage,
  jsonLdElement,
  jsonLdScript,
  speakerJsonLd,
  speakerNodeId,
  type DocumentJsonLdInput,
  type JsonLd,
  type StructuredDocument,
  type StructuredSpeaker,
  type StructuredSpeakerRef,
} from '../../../src/lib/structured-data.ts';

const SITE = 'https://dispatch-reader.example.org';
const page = (id: string) => `${SITE}/speakers/${id}/`;
/** A speaker's node id as a document page writes it: relative to the page, resolved by JSON-LD against its URL. */
const node = (id: string) => `/speakers/${id}/#speaker`;

const wangYiRef: StructuredSpeakerRef = { id: 'wang-yi', name: 'Wang Yi', kind: 'person', pageUrl: page('wang-yi') };
const lavrovRef: StructuredSpeakerRef = { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'person', pageUrl: page('sergey-lavrov') };
const mfaRef: StructuredSpeakerRef = {
  id: 'china-mfa',
  name: "Ministry of Foreign Affairs of the People's Republic of China",
  kind: 'organisation',
  pageUrl: page('china-mfa'),
};
const cctvRef: StructuredSpeakerRef = { id: 'cctv', name: 'CCTV', kind: 'outlet', pageUrl: page('cctv') };
const questionerRef: StructuredSpeakerRef = { id: 'unidentified-questioner', name: 'Unidentified questioner', kind: 'group', pageUrl: page('unidentified-questioner') };

const readoutUrl = `${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/`;
const readout: StructuredDocument = {
  title: 'Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone',
  date: '2021-02-04',
  outletName: "Ministry of Foreign Affairs of the People's Republic of China",
  outletPageUrl: page('china-mfa'),
  siteUrl: readoutUrl,
  kind: 'readout',
};

const input: DocumentJsonLdInput = {
  document: readout,
  statements: [
    {
      id: 'p1',
      url: `${readoutUrl}#p1`,
      text: "Both sides stressed the importance of upholding non-interference in other countries' internal affairs.",
      speakers: [wangYiRef, lavrovRef],
      related: [],
    },
    {
      id: 'p2',
      url: `${readoutUrl}#p2`,
      text: 'Wang Yi said, the current international situation is at an important watershed.',
      speakers: [wangYiRef],
      related: [
        `${SITE}/documents/2021-03-24-memri-special-dispatch-9252/#s-wang-yi-said-the-current`,
        `${SITE}/documents/2021-03-23-diplomat-china-russia-show-solidarity/#s-the-current-international`,
      ],
    },
    {
      id: 's-the-report-says',
      url: `${readoutUrl}#s-the-report-says`,
      text: 'The report says both sides agree.',
      speakers: [mfaRef],
      related: [],
    },
    {
      id: 's-the-two-sides-also-had',
      url: `${readoutUrl}#s-the-two-sides-also-had`,
      text: 'It was noted that </script><script>alert(1)</script> and <!-- this --> stay text.',
      speakers: [],
      related: [],
    },
  ],
};

const asNode = (value: unknown) => value as JsonLd;
const asNodes = (value: unknown) => value as JsonLd[];

describe('documentJsonLd', () => {
  const data = documentJsonLd(input);
  const parts = asNodes(data['hasPart']);

  it('states the document: schema.org context, type, id, url, headline and name as printed, publication date', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Report');
    expect(data['@id']).toBe(readoutUrl);
    expect(data['url']).toBe(readoutUrl);
    expect(data['headline']).toBe(readout.title);
    expect(data['name']).toBe(readout.title);
    expect(data['datePublished']).toBe('2021-02-04');
  });

  it('names the outlet as publisher and author, an Organization linked to its page', () => {
    const outlet = {
      '@type': 'Organization',
      name: "Ministry of Foreign Affairs of the People's Republic of China",
      '@id': node('china-mfa'),
      url: page('china-mfa'),
    };
    expect(data['publisher']).toEqual(outlet);
    expect(data['author']).toEqual(outlet);
    const { outletPageUrl: _unused, ...withoutPage } = readout;
    expect(documentJsonLd({ document: withoutPage, statements: [] })['publisher']).toEqual({
      '@type': 'Organization',
      name: readout.outletName,
    });
  });

  it('is based on the original URL only when one is known', () => {
    expect(data).not.toHaveProperty('isBasedOn');
    const withOriginal = documentJsonLd({ ...input, document: { ...readout, originalUrl: 'https://www.fmprc.gov.cn/eng/x.html' } });
    expect(withOriginal['isBasedOn']).toBe('https://www.fmprc.gov.cn/eng/x.html');
  });

  it('lists one Quotation per statement, in reading order, at the statement’s URL; the words stay in the page', () => {
    expect(parts).toHaveLength(input.statements.length);
    for (const [index, part] of parts.entries()) {
      const statement = input.statements[index]!;
      expect(part['@type']).toBe('Quotation');
      expect(part['@id']).toBe(`/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/#${statement.id}`);
      expect(new URL(String(part['@id']), readoutUrl).href).toBe(statement.url);
      // Repeating every statement's words would double the page's weight; the quotation's @id is the passage, and the document holds it.
      expect(part).not.toHaveProperty('text');
      expect(part['isBasedOn']).toBe(readoutUrl);
      expect(Object.keys(part).filter((key) => !['@type', '@id', 'creator', 'isBasedOn', 'citation'].includes(key))).toEqual([]);
    }
  });

  it('credits each statement to its speakers by @id, each described once in mentions: a Person for a person, linked to the speaker page', () => {
    expect(parts[0]!['creator']).toEqual([{ '@id': node('wang-yi') }, { '@id': node('sergey-lavrov') }]);
    expect(parts[1]!['creator']).toEqual([{ '@id': node('wang-yi') }]);
    expect(data['mentions']).toEqual([
      { '@type': 'Person', '@id': node('wang-yi'), name: 'Wang Yi', url: page('wang-yi') },
      { '@type': 'Person', '@id': node('sergey-lavrov'), name: 'Sergey Lavrov', url: page('sergey-lavrov') },
      { '@type': 'Organization', '@id': node('china-mfa'), name: "Ministry of Foreign Affairs of the People's Republic of China", url: page('china-mfa') },
    ]);
    // On the speaker's own page the same node has the absolute id: resolved against the document's URL, they are one.
    expect(new URL(node('wang-yi'), readoutUrl).href).toBe(speakerNodeId(page('wang-yi')));
  });

  it('credits organisations, outlets and groups as an Organization', () => {
    expect(parts[2]!['creator']).toEqual([{ '@id': node('china-mfa') }]);
    const others = documentJsonLd({
      document: readout,
      statements: [{ id: 's-q', url: `${readoutUrl}#s-q`, text: 'A question?', speakers: [cctvRef, questionerRef], related: [] }],
    });
    expect(asNodes(others['mentions']).map((speaker) => speaker['@type'])).toEqual(['Organization', 'Organization']);
  });

  it('gives an unattributed statement no creator at all', () => {
    expect(parts[3]).not.toHaveProperty('creator');
    expect(JSON.stringify(parts[3])).not.toMatch(/Person|Organization/u);
  });

  it('links related statements as citations, and omits citation when there are none', () => {
    expect(parts[1]!['citation']).toEqual([
      { '@id': '/documents/2021-03-24-memri-special-dispatch-9252/#s-wang-yi-said-the-current' },
      { '@id': '/documents/2021-03-23-diplomat-china-russia-show-solidarity/#s-the-current-international' },
    ]);
    expect(parts[0]).not.toHaveProperty('citation');
  });

  it('has no hasPart when the document has no statements', () => {
    expect(documentJsonLd({ document: readout, statements: [] })).not.toHaveProperty('hasPart');
  });

  it.each([
    ['dispatch', 'Report'],
    ['readout', 'Report'],
    ['statement', 'Report'],
    ['transcript', 'Report'],
    ['article', 'NewsArticle'],
    ['blog-post', 'BlogPosting'],
    ['blog post', 'BlogPosting'],
  ])('maps kind %s to %s', (kind, type) => {
    expect(documentJsonLd({ document: { ...readout, kind }, statements: [] })['@type']).toBe(type);
  });

  it('covers every document kind of the schema', async () => {
    const { DOCUMENT_KINDS } = await import('../../../src/lib/schema.ts');
    expect(Object.keys(SCHEMA_TYPE_BY_KIND).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it('refuses a kind it has no type for, rather than guessing', () => {
    expect(() => documentJsonLd({ document: { ...readout, kind: 'podcast' }, statements: [] })).toThrow(/unknown document kind `podcast`/u);
    expect(() => documentJsonLd({ document: { ...readout, kind: 'constructor' }, statements: [] })).toThrow(/unknown document kind/u);
  });

  it('gives a Report its reference as reportNumber, an article its reference as identifier and its section', () => {
    const dispatch = documentJsonLd({ document: { ...readout, kind: 'dispatch', reference: 'Special Dispatch No. 9252' }, statements: [] });
    expect(dispatch['reportNumber']).toBe('Special Dispatch No. 9252');
    const article = documentJsonLd({ document: { ...readout, kind: 'article', section: 'China Power', reference: 'No. 7' }, statements: [] });
    expect(article['articleSection']).toBe('China Power');
    expect(article['identifier']).toBe('No. 7');
    expect(article).not.toHaveProperty('reportNumber');
  });
});

// From content/speakers.yaml, as the registry has them.
const wangYi: StructuredSpeaker = {
  name: 'Wang Yi',
  kind: 'person',
  country: 'CN',
  aliases: ['Wang Yi', 'Wang', 'Minister Wang', 'Foreign Minister Wang Yi', 'Minister Wang'],
  roles: [
    { title: "Foreign Minister of the People's Republic of China", from: '2013-03-16', to: '2022-12-30' },
    { title: 'State Councilor and Foreign Minister', from: '2018-03-19', to: '2022-12-30' },
    { title: 'Member of the Political Bureau of the CPC Central Committee', from: '2022-10-23' },
    { title: 'Member of the Political Bureau of the CPC Central Committee and Foreign Minister', from: '2023-07-25' },
  ],
  pageUrl: page('wang-yi'),
};

const mfa: StructuredSpeaker = {
  name: "Ministry of Foreign Affairs of the People's Republic of China",
  kind: 'organisation',
  country: 'CN',
  url: 'https://www.fmprc.gov.cn/eng/',
  description: 'China’s foreign ministry.',
  aliases: ["Ministry of Foreign Affairs of the People's Republic of China", 'Chinese Foreign Ministry', 'MFA'],
  roles: [],
  pageUrl: page('china-mfa'),
};

describe('idOnPage', () => {
  it('writes the site’s ids from its root (the page’s own anchors too), another site’s absolute', () => {
    // Not `#s-a`: that would resolve against the URL the page was read at, query included (`?hl=word`).
    expect(idOnPage(`${readoutUrl}#s-a`, readoutUrl)).toBe('/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/#s-a');
    expect(new URL(idOnPage(`${readoutUrl}#s-a`, readoutUrl), `${readoutUrl}?hl=partners`).href).toBe(`${readoutUrl}#s-a`);
    expect(idOnPage(`${SITE}/speakers/wang-yi/#speaker`, readoutUrl)).toBe('/speakers/wang-yi/#speaker');
    expect(idOnPage(`${SITE}/documents/other/#s-b`, readoutUrl)).toBe('/documents/other/#s-b');
    expect(idOnPage('https://www.fmprc.gov.cn/eng/x.html', readoutUrl)).toBe('https://www.fmprc.gov.cn/eng/x.html');
    expect(idOnPage(readoutUrl, readoutUrl)).toBe('/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/');
  });

  it('resolves back, against the page, to the URL it was given', () => {
    for (const url of [`${readoutUrl}#s-a`, `${SITE}/speakers/cctv/#speaker`, `${SITE}/documents/x/?a=1#s-c`, 'https://example.com/a#b']) {
      expect(new URL(idOnPage(url, readoutUrl), readoutUrl).href).toBe(url);
    }
  });
});

describe('documentJsonLdBlocks', () => {
  const many: DocumentJsonLdInput = {
    document: readout,
    statements: Array.from({ length: 45 }, (_, index) => ({ id: `s-${index}`, url: `${readoutUrl}#s-${index}`, text: `Text ${index}.`, speakers: [wangYiRef], related: [] })),
  };

  it('keeps the document’s node whole but for its quotations, which are in blocks of at most 20 in reading order', () => {
    const { document, quotations } = documentJsonLdBlocks(many);
    const { hasPart, ...rest } = documentJsonLd(many);
    expect(document).toEqual(rest);
    expect(quotations.map((block) => asNodes(block.data['hasPart']).length)).toEqual([20, 20, 5]);
    expect(quotations.flatMap((block) => asNodes(block.data['hasPart']))).toEqual(hasPart);
  });

  it('names the document in every block, so JSON-LD merges the blocks into its node, and places each after its last statement', () => {
    const { quotations } = documentJsonLdBlocks(many, 10);
    expect(quotations.map((block) => block.after)).toEqual(['s-9', 's-19', 's-29', 's-39', 's-44']);
    for (const block of quotations) {
      expect(block.data['@context']).toBe('https://schema.org');
      expect(block.data['@id']).toBe(readoutUrl);
    }
  });

  it('has no blocks for a document without statements', () => {
    expect(documentJsonLdBlocks({ document: readout, statements: [] }).quotations).toEqual([]);
  });
});

describe('speakerJsonLd', () => {
  const person = speakerJsonLd(wangYi);
  const organisation = speakerJsonLd(mfa);

  it('makes a person a Person with context, id, name and the speaker page as url', () => {
    expect(person['@context']).toBe('https://schema.org');
    expect(person['@type']).toBe('Person');
    expect(person['@id']).toBe(speakerNodeId(page('wang-yi')));
    expect(person['name']).toBe('Wang Yi');
    expect(person['url']).toBe(page('wang-yi'));
  });

  it('uses the same node id as the creator of that speaker’s quotations (theirs resolved against the document page)', () => {
    const creator = asNodes(asNodes(documentJsonLd(input)['hasPart'])[1]!['creator'])[0]!;
    expect(new URL(String(creator['@id']), readoutUrl).href).toBe(person['@id']);
  });

  it('lists the aliases other than the name, once each', () => {
    expect(person['alternateName']).toEqual(['Wang', 'Minister Wang', 'Foreign Minister Wang Yi']);
    expect(speakerJsonLd({ ...wangYi, aliases: ['Wang Yi'] })).not.toHaveProperty('alternateName');
  });

  it('gives the role taken up last among those still held as jobTitle', () => {
    expect(person['jobTitle']).toBe('Member of the Political Bureau of the CPC Central Committee and Foreign Minister');
  });

  it('lists every role as a schema.org Role with its dates', () => {
    expect(asNodes(person['hasOccupation'])).toEqual([
      { '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: "Foreign Minister of the People's Republic of China" }, startDate: '2013-03-16', endDate: '2022-12-30' },
      { '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: 'State Councilor and Foreign Minister' }, startDate: '2018-03-19', endDate: '2022-12-30' },
      { '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: 'Member of the Political Bureau of the CPC Central Committee' }, startDate: '2022-10-23' },
      {
        '@type': 'Role',
        hasOccupation: { '@type': 'Occupation', name: 'Member of the Political Bureau of the CPC Central Committee and Foreign Minister' },
        startDate: '2023-07-25',
      },
    ]);
  });

  it('states a person’s country as nationality, named in English with its ISO code', () => {
    expect(person['nationality']).toEqual({ '@type': 'Country', name: 'China', identifier: 'CN' });
    expect(speakerJsonLd({ ...wangYi, country: 'RU' })['nationality']).toEqual({ '@type': 'Country', name: 'Russia', identifier: 'RU' });
  });

  it('makes an organisation an Organization, with country as addressCountry, home page as sameAs, and no jobTitle', () => {
    expect(organisation).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': `${page('china-mfa')}#speaker`,
      name: mfa.name,
      url: page('china-mfa'),
      alternateName: ['Chinese Foreign Ministry', 'MFA'],
      description: 'China’s foreign ministry.',
      sameAs: 'https://www.fmprc.gov.cn/eng/',
      address: { '@type': 'PostalAddress', addressCountry: 'CN' },
    });
  });

  it('makes outlets and groups Organizations too', () => {
    expect(speakerJsonLd({ ...mfa, kind: 'outlet' })['@type']).toBe('Organization');
    expect(speakerJsonLd({ ...mfa, kind: 'group' })['@type']).toBe('Organization');
  });

  it('leaves out what the registry does not say', () => {
    const bare = speakerJsonLd({ name: 'Dmitri Trenin', kind: 'person', aliases: ['Dmitri Trenin'], roles: [], pageUrl: page('dmitri-trenin') });
    expect(Object.keys(bare).sort()).toEqual(['@context', '@id', '@type', 'name', 'url']);
  });
});

describe('currentRole', () => {
  it('prefers a role still held, the one taken up last', () => {
    expect(currentRole(wangYi.roles)?.from).toBe('2023-07-25');
  });

  it('falls back to the role left last when none is held', () => {
    const ended = [
      { title: 'Ambassador', from: '2001', to: '2004-07' },
      { title: 'Vice Minister', from: '2004-07', to: '2007-09' },
      { title: 'Director', from: '1998', to: '2001' },
    ];
    expect(currentRole(ended)?.title).toBe('Vice Minister');
  });

  it('counts a held role without a start date as earliest, and has nothing for no roles', () => {
    expect(currentRole([{ title: 'Spokesperson' }, { title: 'Director-General', from: '2020' }])?.title).toBe('Director-General');
    expect(currentRole([])).toBeUndefined();
  });
});

/** The elements of an HTML document as a browser's parser builds them. */
function parseHtml(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

function elements(node: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) found.push(child);
    found.push(...elements(child, tagName));
  }
  return found;
}

describe('jsonLdScript', () => {
  // Text that could end the script element, in a field the data carries.
  const data = documentJsonLd({ ...input, document: { ...readout, title: 'It was noted that </script><script>alert(1)</script> and <!-- this --> stay text.' } });
  const serialised = jsonLdScript(data);

  it('gives the data back through JSON.parse', () => {
    expect(JSON.parse(serialised)).toEqual(data);
    const tricky = { text: 'a < b > c & d \u2028 e \u2029 f </script> <!-- g --> ]]> “h”', nested: [{ n: 1, ok: true, none: null }] };
    expect(JSON.parse(jsonLdScript(tricky))).toEqual(tricky);
  });

  it('contains no character that could end the script element or start a comment', () => {
    expect(serialised).toContain('\\u003c/script\\u003e');
    expect(serialised).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(jsonLdScript({ a: '\u2028\u2029' })).toBe('{"a":"\\u2028\\u2029"}');
  });

  it('cannot be broken out of: an HTML parser sees one script whose text is exactly the JSON', () => {
    const html = `<!doctype html><html><head><title>t</title><script type="application/ld+json">${serialised}</script></head><body><p id="after">after</p></body></html>`;
    const tree = parseHtml(html);
    const scripts = elements(tree, 'script');
    expect(scripts).toHaveLength(1);
    const content = scripts[0]!.children.map((child) => (child as Text).value).join('');
    expect(content).toBe(serialised);
    expect(asNode(JSON.parse(content))['headline']).toBe('It was noted that </script><script>alert(1)</script> and <!-- this --> stay text.');
    expect(elements(tree, 'p').map((p) => p.properties['id'])).toEqual(['after']);
  });

  it('as a whole element in a body (the quotations’ blocks) is one script too, whose JSON is the data', () => {
    const tree = parseHtml(`<!doctype html><html><head><title>t</title></head><body><p>before</p>${jsonLdElement(data)}<p id="after">after</p></body></html>`);
    const scripts = elements(tree, 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.properties['type']).toBe('application/ld+json');
    expect(JSON.parse(scripts[0]!.children.map((child) => (child as Text).value).join(''))).toEqual(data);
    expect(elements(tree, 'p').map((p) => p.properties['id'])).toEqual([undefined, 'after']);
  });

  it('would have been broken out of without the escaping (the test above can fail)', () => {
    const unsafe = JSON.stringify(data);
    const tree = parseHtml(`<!doctype html><html><head><script type="application/ld+json">${unsafe}</script></head><body></body></html>`);
    expect(elements(tree, 'script').length).toBeGreaterThan(1);
  });
});
