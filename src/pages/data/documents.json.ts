import type { APIRoute } from 'astro';
import { documentsDataset } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => Response.json(await documentsDataset());
