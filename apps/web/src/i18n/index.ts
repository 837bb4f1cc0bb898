import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zh } from './zh.js';

export const LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;

const STORAGE_KEY = 'jubensha.language';

function initialLanguage(): string {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const nav = typeof navigator === 'undefined' ? '' : navigator.language;
  return nav.startsWith('en') ? 'en' : 'zh-CN';
}

/** The UI language: the browser's, or the player's choice from the switch (remembered). */
export function initI18n(language = initialLanguage()): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
      lng: language,
      fallbackLng: 'zh-CN',
      supportedLngs: ['zh-CN', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (lng) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lng);
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  return i18next;
}
