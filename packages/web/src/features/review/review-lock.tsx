import { Alert, Anchor, Badge, NavLink, Text } from '@mantine/core';
import { IconClipboardCheck, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink } from 'react-router';
import type { PlanReview } from '../../api/types.ts';
import { registerLocale } from '../../i18n/index.ts';

// A small namespace of its own: the workspace frame shows these on every plan screen, without
// loading the Penelaahan screen's texts.
registerLocale('reviewLock', {
  id: {
    nav: 'Penelaahan',
    openFindings: '{{count}} temuan penelaahan belum selesai',
    review: 'Sedang ditelaah Bappeda: rencana terkunci',
    reviewHelp: 'Perubahan dapat dilakukan lagi setelah rencana dikembalikan untuk perbaikan.',
    returned: 'Dikembalikan untuk perbaikan: hanya item temuan yang dapat diubah',
    returnedHelp: 'Bagian lain tetap terkunci sampai rencana diajukan kembali.',
    verified: 'Terverifikasi: rencana terkunci',
    verifiedHelp: 'Rencana dapat dilanjutkan ke tahap berikutnya atau ditetapkan.',
    ditetapkan: 'Ditetapkan: rencana tidak dapat diubah lagi',
    ditetapkanHelp: 'Mulai perubahan untuk menyusun versi baru.',
    window: 'Di luar jadwal Bappeda untuk tahap ini: rencana terkunci',
    windowHelp:
      'Rencana dapat diubah dan diajukan selama jadwal tahap ini terbuka; hubungi Bappeda bila perlu.',
    seeFindings: 'Lihat temuan',
    seeReview: 'Buka penelaahan',
  },
  en: {
    nav: 'Review',
    openFindings: '{{count}} review findings not yet settled',
    review: 'Under review by Bappeda: the plan is locked',
    reviewHelp: 'It can change again once it is returned for revision.',
    returned: 'Returned for revision: only the items of the findings can change',
    returnedHelp: 'Everything else stays locked until the plan is resubmitted.',
    verified: 'Verified: the plan is locked',
    verifiedHelp: 'The plan can move to its next stage or be set.',
    ditetapkan: 'Set (ditetapkan): the plan can no longer change',
    ditetapkanHelp: 'Start an amendment to prepare a new version.',
    window: 'Outside Bappeda’s window for this stage: the plan is locked',
    windowHelp:
      'The plan can be changed and submitted while the stage’s window is open; ask Bappeda if needed.',
    seeFindings: 'See the findings',
    seeReview: 'Open the review',
  },
});

/** Which banner a plan needs: locked by review, returned with some items open, set, window closed. */
export const lockReason = (
  review: PlanReview | undefined,
  windowOpen: boolean | undefined,
): 'review' | 'returned' | 'verified' | 'ditetapkan' | 'window' | null => {
  if (!review) return null;
  switch (review.state) {
    case 'draft':
      return windowOpen === false ? 'window' : null;
    case 'returned':
      return 'returned';
    case 'verified':
    case 'ditetapkan':
      return review.state;
    default:
      return 'review';
  }
};

/** The banner over every plan screen while the plan's review locks it (or opens only some items). */
export const ReviewBanner = ({
  planId,
  review,
  windowOpen,
}: {
  planId: string;
  review: PlanReview | undefined;
  windowOpen: boolean | undefined;
}) => {
  const { t } = useTranslation('reviewLock');
  const reason = lockReason(review, windowOpen);
  if (!reason) return null;
  const returned = reason === 'returned';
  return (
    <Alert
      color={returned ? 'orange' : reason === 'ditetapkan' ? 'teal' : 'blue'}
      variant="light"
      radius={0}
      py={6}
      icon={returned ? <IconLockOpen size={18} /> : <IconLock size={18} />}
      role="status"
      data-testid="review-banner"
      data-reason={reason}
      styles={{ title: { marginBottom: 0 } }}
      title={t(reason)}
    >
      <Text size="xs">
        {t(`${reason}Help`)}{' '}
        <Anchor
          component={Link}
          to={`/rencana/${planId}/penelaahan${returned ? '?tab=temuan' : ''}`}
          size="xs"
          fw={600}
        >
          {t(returned ? 'seeFindings' : 'seeReview')}
        </Anchor>
      </Text>
    </Alert>
  );
};

/** The workspace's link to the Penelaahan screen, with the count of findings still to settle. */
export const ReviewNavLink = ({ planId, unresolved }: { planId: string; unresolved: number }) => {
  const { t } = useTranslation('reviewLock');
  return (
    <NavLink
      component={RouterNavLink}
      to={`/rencana/${planId}/penelaahan`}
      label={t('nav')}
      leftSection={<IconClipboardCheck size={16} />}
      {...(unresolved > 0 && {
        'aria-label': `${t('nav')}, ${t('openFindings', { count: unresolved })}`,
        title: t('openFindings', { count: unresolved }),
      })}
      rightSection={
        unresolved > 0 ? (
          <Badge size="sm" color="red" variant="filled" aria-hidden>
            {unresolved}
          </Badge>
        ) : undefined
      }
    />
  );
};
