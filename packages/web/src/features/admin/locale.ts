import { registerLocale } from '../../i18n/index.ts';
import { ADMIN_EN } from './locale-en.ts';
import { ADMIN_ID } from './locale-id.ts';

registerLocale('admin', { id: ADMIN_ID, en: ADMIN_EN });
