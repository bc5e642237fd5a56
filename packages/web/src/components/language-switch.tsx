import { SegmentedControl } from '@mantine/core';
import { type Lang, setLang, useLang } from '../i18n/index.ts';

/** ID / EN switch; the choice is remembered in this browser. */
export const LanguageSwitch = () => {
  const lang = useLang();
  return (
    <SegmentedControl
      size="xs"
      aria-label="Bahasa / Language"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
};
