/** Where content lives, relative to the project root. */
export const CONTENT_PATHS = {
  documents: 'content/documents',
  sources: 'content/sources',
  speakers: 'content/speakers.yaml',
  events: 'content/events.yaml',
} as const;
