import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { adminKeys } from './admin-queries.ts';
import type { AgencyRecord, AgencyUnit, UnitRetired } from './admin-types.ts';
import { detailCount, isStale, refusalReason } from './form-errors.ts';
import { notifyDone } from './form-parts.tsx';
import { ConfirmDialog } from './panel-parts.tsx';

/**
 * Asks before retiring a unit, then does it with the agency's version. The server refuses a unit
 * that plans still name or that has units under it; the dialog says which, with the counts.
 */
export const UnitRetireDialog = ({
  agency,
  unit,
  onClose,
}: {
  agency: AgencyRecord;
  unit: AgencyUnit | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const retire = useMutation({
    mutationFn: (key: string) =>
      api.delete<UnitRetired>(`/api/agencies/${agency.id}/units/${encodeURIComponent(key)}`, {
        ifMatch: agency.version,
      }),
  });
  const close = () => {
    retire.reset();
    onClose();
  };
  const confirm = () => {
    if (!unit) return;
    retire.mutate(unit.id, {
      onSuccess: (r) => {
        queryClient.setQueryData<AgencyRecord>(
          adminKeys.agency(agency.id),
          (a) => a && { ...a, version: r.agencyVersion, units: a.units.filter((u) => u.id !== r.id) },
        );
        notifyDone(t('units.retired', { name: unit.name }));
        close();
      },
      onError: (e) => {
        if (!isStale(e)) return;
        const current = e instanceof ApiError ? (e.current as AgencyRecord | undefined) : undefined;
        if (current) queryClient.setQueryData(adminKeys.agency(agency.id), current);
        else void queryClient.invalidateQueries({ queryKey: adminKeys.agency(agency.id) });
      },
    });
  };
  const e = retire.error;
  const reason = refusalReason(e);
  const problem = !e
    ? undefined
    : reason === 'unit-in-use'
      ? t('units.inUse', { nodes: detailCount(e, 'nodes'), indicators: detailCount(e, 'indicators') })
      : reason === 'unit-has-units'
        ? t('units.hasUnits', { units: detailCount(e, 'units') })
        : isStale(e)
          ? t('units.retireStale')
          : errorText(e);
  return (
    <ConfirmDialog
      opened={unit !== null}
      onClose={close}
      title={t('units.retireTitle')}
      body={unit ? t('units.retireBody', { name: unit.name, id: unit.id }) : undefined}
      problem={problem === undefined ? undefined : { text: problem, color: reason ? 'orange' : 'red' }}
      blocked={reason !== undefined}
      confirmLabel={t('units.retireConfirm')}
      busy={retire.isPending}
      onConfirm={confirm}
    />
  );
};
