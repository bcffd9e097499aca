import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { documentsLoader } from './lib/documents-loader.ts';
import { CONTENT_PATHS } from './lib/content-paths.ts';
import { documentSchema, eventSchema, speakerSchema } from './lib/schema.ts';

const documents = defineCollection({
  loader: documentsLoader(),
  schema: documentSchema,
});

const speakers = defineCollection({
  loader: file(`./${CONTENT_PATHS.speakers}`),
  schema: speakerSchema,
});

const events = defineCollection({
  loader: file(`./${CONTENT_PATHS.events}`),
  schema: eventSchema,
});

export const collections = { documents, speakers, events };
