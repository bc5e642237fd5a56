import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types.ts';
import { AGENCY_ROLES, type AgencyRecord, ROLES, ROLES_WITH_AGENCY } from './admin-types.ts';

/** A role to give and, for roles held in an agency, the agency. */
export interface RoleChoice {
  role: Role;
  agencyId: string | null;
}

/** The grant the API takes: an agency only for roles that may have one. */
export const grantBody = (c: RoleChoice): { role: Role; agencyId: string | null } => ({
  role: c.role,
  agencyId: ROLES_WITH_AGENCY.has(c.role) ? c.agencyId : null,
});

/** The role select and, where the role belongs to an agency, a select of the region's agencies. */
export const RoleFields = ({
  value,
  onChange,
  agencies,
  roleLabel,
  errors,
}: {
  value: RoleChoice;
  onChange: (c: RoleChoice) => void;
  agencies: readonly AgencyRecord[];
  roleLabel: string;
  errors: { role?: string | undefined; agencyId?: string | undefined };
}) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const needsAgency = AGENCY_ROLES.has(value.role);
  const mayHaveAgency = ROLES_WITH_AGENCY.has(value.role);
  return (
    <SimpleGrid cols={2}>
      <Select
        label={roleLabel}
        value={value.role}
        onChange={(v) => v && onChange({ ...value, role: v as Role })}
        data={ROLES.map((r) => ({ value: r, label: tc(`role.${r}`) }))}
        allowDeselect={false}
        required
        error={errors.role}
      />
      {mayHaveAgency && (
        <Select
          label={t('users.agency')}
          description={needsAgency ? t('users.agencyRequired') : t('users.agencyOptional')}
          value={value.agencyId}
          onChange={(v) => onChange({ ...value, agencyId: v })}
          data={agencies.map((a) => ({
            value: a.id,
            label: a.shortName ? `${a.name} (${a.shortName})` : a.name,
          }))}
          searchable
          clearable={!needsAgency}
          required={needsAgency}
          error={errors.agencyId}
        />
      )}
    </SimpleGrid>
  );
};
