/**
 * The one inline script: it applies the reader's remembered colour scheme
 * before the first paint (a module script runs too late and the page would
 * flash). Its hash is allowed by the CSP (content-security-policy.ts).
 */
import { createHash } from 'node:crypto';

export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

export const THEME_SCRIPT_HASH = `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}` as const;
