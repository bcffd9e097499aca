import type { APIRoute } from 'astro';
import { speakersDataset } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => Response.json(await speakersDataset());
