// The editor component for our /keystatic page (src/editor/keystatic-page.astro): what
// @keystatic/astro's own page builds, from its public API and our editor model.
import { makePage } from '@keystatic/astro/ui';
import config from '../../keystatic.config.tsx';

export const Keystatic = makePage(config);
