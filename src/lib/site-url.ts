/** The site's public address: the one place it is set (canonical URLs, feeds, citations; astro.config.mjs reads it). */
export const SITE_URL = 'https://dispatch-reader.example.org';
