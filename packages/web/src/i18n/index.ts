import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { common } from './common.ts';

/** The languages of the app: Bahasa Indonesia by default, English on request. */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const STORAGE_KEY = 'selaras.lang';

const initialLang = (): Lang => {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
};

/** Texts of one part of the app in both languages; the Indonesian object fixes the keys. */
export interface Locale<T extends object> {
  readonly id: T;
  readonly en: T;
}

/**
 * Adds a feature's texts under its own namespace. Features call it when their module loads, so a
 * lazily loaded screen brings its texts with it.
 */
export const registerLocale = <T extends object>(ns: string, locale: Locale<T>): void => {
  for (const lang of LANGS) {
    if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, locale[lang], true, true);
  }
};

void i18next.use(initReactI18next).init({
  lng: initialLang(),
  fallbackLng: 'id',
  defaultNS: 'common',
  ns: ['common'],
  resources: { id: { common: common.id }, en: { common: common.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = initialLang();

/** Switches the language and remembers it. */
export const setLang = (lang: Lang): void => {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
};

/** The current language, re-rendering when it changes. */
export const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
};

export { i18next };
