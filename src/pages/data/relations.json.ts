import type { APIRoute } from 'astro';
import { relationsDataset } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => Response.json(await relationsDataset());
