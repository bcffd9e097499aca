/**
 * Document pages, enhanced: a "Copy link" and a "Cite" control on every
 * statement, and previews of footnotes and related passages on hover and
 * focus. All of it is added by this script, so the HTML stays as light as the
 * text and, without JavaScript, the ¶ permalinks and plain links remain.
 */
import { bibtex, chicagoNote, CITATION_MEDIA_TYPES, cslJson, ris, type CitableDocument, type CitableStatement } from '../lib/citations.ts';

/** The statement's words as printed: what the site adds around them (labels, links) is left out. */
export function printedText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  // Footnote markers are the site's links to the notes, not words of the passage.
  copy.querySelectorAll('[data-added], [data-footnote-backref], [data-footnote-ref]').forEach((added) => added.remove());
  return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

function button(label: string, onClick: (control: HTMLButtonElement) => void): HTMLButtonElement {
  const control = document.createElement('button');
  control.type = 'button';
  control.textContent = label;
  control.addEventListener('click', () => onClick(control));
  return control;
}

function download(name: string, type: string, body: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([body], { type }));
  link.download = name;
  link.textContent = name.split('.').pop() === 'bib' ? 'BibTeX' : name.endsWith('.ris') ? 'RIS' : 'CSL-JSON';
  return link;
}

async function copy(text: string, control: HTMLButtonElement, label: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    control.textContent = 'Copied';
  } catch {
    control.textContent = 'Copy failed: select the text';
  }
  setTimeout(() => (control.textContent = label), 2000);
}

function citePanel(citable: CitableStatement, id: string): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'statement-cite';
  panel.id = `cite-${id}`;
  panel.dataset['added'] = '';
  panel.dataset['pagefindIgnore'] = '';
  const note = document.createElement('p');
  note.textContent = chicagoNote(citable);
  const actions = document.createElement('p');
  const key = `${citable.document.slug}-${citable.anchor}`;
  actions.append(
    button('Copy citation', (control) => void copy(note.textContent ?? '', control, 'Copy citation')),
    ' Download: ',
    download(`${key}.bib`, CITATION_MEDIA_TYPES.bibtex, bibtex(citable)),
    ' · ',
    download(`${key}.ris`, CITATION_MEDIA_TYPES.ris, ris(citable)),
    ' · ',
    download(`${key}.json`, CITATION_MEDIA_TYPES.cslJson, JSON.stringify(cslJson(citable), null, 2)),
  );
  panel.append(note, actions);
  return panel;
}

/**
 * The document's citation record, as the page states it: the citation_* tags and article:published_time in the
 * head, and on the body the fields no tag carries (section, an inferred date, the original URL). It is the record
 * the page's own citation and the /cite/ downloads use; only the access date is today's.
 */
export function pageCitable(head: ParentNode, body: HTMLElement): CitableDocument {
  const meta = (name: string) => head.querySelector<HTMLMetaElement>(`meta[name="${name}"], meta[property="${name}"]`)?.content || undefined;
  const siteUrl = meta('citation_public_url') ?? location.href.replace(/#.*$/u, '');
  return {
    title: meta('citation_title') ?? '',
    date: meta('article:published_time') ?? '',
    dateBasis: body.dataset['dateBasis'] === 'inferred' ? 'inferred' : 'printed',
    outletName: meta('citation_author') ?? '',
    reference: meta('citation_technical_report_number'),
    section: body.dataset['section'],
    originalUrl: body.dataset['originalUrl'],
    siteUrl,
    slug: new URL(siteUrl).pathname.split('/').filter(Boolean).at(-1) ?? '',
    accessed: new Date().toISOString().slice(0, 10),
  };
}

function addStatementTools(body: HTMLElement): void {
  const documentData = pageCitable(document.head, body);
  for (const statement of body.querySelectorAll<HTMLElement>('.statement[id]')) {
    // Every statement ends with its own ¶ link; a statement without one (not ours) gets no tools either.
    const permalink = statement.querySelector<HTMLElement>(':scope > .permalink');
    if (!permalink) continue;
    const id = statement.id;
    const url = `${documentData.siteUrl}#${id}`;
    const tools = document.createElement('span');
    tools.className = 'statement-tools';
    tools.dataset['added'] = '';
    tools.dataset['pagefindIgnore'] = '';
    const names = [...statement.querySelectorAll(':scope > .speaker-label a')].map((link) => link.textContent ?? '');
    const cite = button('Cite', (control) => {
      const open = document.getElementById(`cite-${id}`);
      if (open) {
        open.remove();
        control.setAttribute('aria-expanded', 'false');
        return;
      }
      const block = statement.closest('p, li, blockquote') ?? statement;
      block.after(citePanel({ document: documentData, anchor: id, speakerNames: names, text: printedText(statement), url }, id));
      control.setAttribute('aria-expanded', 'true');
    });
    cite.setAttribute('aria-expanded', 'false');
    cite.setAttribute('aria-controls', `cite-${id}`);
    cite.setAttribute('aria-label', `Cite this statement${names.length ? ` (${names.join(' and ')})` : ''}`);
    const link = button('Copy link', (control) => void copy(url, control, 'Copy link'));
    link.setAttribute('aria-label', 'Copy link to this statement');
    tools.append(' ', link, cite);
    permalink.after(tools);
  }
}

const previews = new Map<string, Promise<string | undefined>>();

/** The words of the passage a link points to, from this page or fetched once from another. */
function passageFor(link: HTMLAnchorElement): Promise<string | undefined> {
  const target = new URL(link.href);
  const id = decodeURIComponent(target.hash.slice(1));
  if (!id) return Promise.resolve(undefined);
  if (target.pathname === location.pathname) {
    const element = document.getElementById(id);
    return Promise.resolve(element ? printedText(element) : undefined);
  }
  const key = `${target.pathname}#${id}`;
  let text = previews.get(key);
  if (!text) {
    text = fetch(target.pathname)
      .then((response) => (response.ok ? response.text() : ''))
      .then((html) => {
        const element = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
        return element ? printedText(element) : undefined;
      })
      .catch(() => undefined);
    previews.set(key, text);
  }
  return text;
}

function addPreviews(body: HTMLElement): void {
  const tip = document.createElement('div');
  tip.className = 'preview';
  tip.id = 'link-preview';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  let current: HTMLAnchorElement | undefined;
  const hide = () => {
    tip.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = undefined;
  };
  const show = async (link: HTMLAnchorElement) => {
    current = link;
    const text = await passageFor(link);
    if (current !== link || !text) return;
    tip.textContent = text.length > 600 ? `${text.slice(0, 600)}…` : text;
    const box = link.getBoundingClientRect();
    tip.style.left = `${Math.max(8, Math.min(box.left + scrollX, scrollX + innerWidth - tip.offsetWidth - 8))}px`;
    tip.style.top = `${box.bottom + scrollY + 6}px`;
    tip.hidden = false;
    link.setAttribute('aria-describedby', tip.id);
  };
  const links = body.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref], .related a:not(.compare-link)');
  for (const link of links) {
    link.addEventListener('mouseenter', () => void show(link));
    link.addEventListener('focus', () => void show(link));
    link.addEventListener('mouseleave', hide);
    link.addEventListener('blur', hide);
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}

export function enhanceDocument(): void {
  const body = document.querySelector<HTMLElement>('.document-body');
  if (!body) return;
  addStatementTools(body);
  addPreviews(body);
}
