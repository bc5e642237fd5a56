import { registerLocale } from '../../i18n/index.ts';
import { en } from './locale-en.ts';
import { id } from './locale-id.ts';

registerLocale('review', { id, en });
