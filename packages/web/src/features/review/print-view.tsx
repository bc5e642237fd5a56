import { Button } from '@mantine/core';
import { IconPrinter, IconX } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './print.css';

/**
 * A document to print (a letter, a meeting record): shown as a sheet over the app, and on paper
 * alone, without the app's frame. Escape or the close button returns to the screen.
 */
export const PrintView = ({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return createPortal(
    <div className="selaras-print-root" role="dialog" aria-modal="true" aria-label={title}>
      <div className="selaras-print-toolbar">
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('print.print')}
        </Button>
        <Button ref={closeRef} variant="default" leftSection={<IconX size={16} />} onClick={onClose}>
          {tc('action.close')}
        </Button>
      </div>
      <article className="selaras-sheet" data-testid="print-sheet">
        {children}
      </article>
    </div>,
    document.body,
  );
};
