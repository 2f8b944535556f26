import { de } from './de';
import { el } from './el';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import type { LanguageLabels } from './types';
import { uk } from './uk';

/** Every language the generic extractor understands; add a file and a line here for another. */
export const LANGUAGES: Readonly<Record<string, LanguageLabels>> = { en, ru, uk, el, de, es, fr, pl, pt };
