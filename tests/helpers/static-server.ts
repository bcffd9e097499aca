/** dist/ served for the browser tests by the same static host the bench measures with (scripts/bench/serve.ts). */
import { serveSite, type Served } from '../../scripts/bench/serve.ts';
import { DIST } from './paths.ts';

export type StaticServer = Served;

export function serveDist(root = DIST): Promise<StaticServer> {
  return serveSite(root);
}
