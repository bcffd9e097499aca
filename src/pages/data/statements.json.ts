import type { APIRoute } from 'astro';
import { statementsDataset } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => Response.json(await statementsDataset());
