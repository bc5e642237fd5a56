import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A list of short texts (tembusan, agenda items, agreed points): one labelled input per item, a
 * button to remove each and one to add another.
 */
export const ListInput = ({
  label,
  itemLabel,
  values,
  onChange,
  addLabel,
  placeholder,
}: {
  label: string;
  /** The accessible name of each input, numbered: "Tembusan 1". */
  itemLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  addLabel: string;
  placeholder?: string;
}) => {
  const { t } = useTranslation('review');
  return (
    <Input.Wrapper label={label}>
      <Stack gap={4} mt={4}>
        {values.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items are plain texts edited in place
          <Group key={i} gap={4} wrap="nowrap">
            <TextInput
              aria-label={`${itemLabel} ${i + 1}`}
              value={v}
              placeholder={placeholder}
              onChange={(e) => {
                const next = [...values];
                next[i] = e.currentTarget.value;
                onChange(next);
              }}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('form.removeItem', { item: `${itemLabel} ${i + 1}` })}
              onClick={() => onChange(values.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...values, ''])}
          w="fit-content"
        >
          {addLabel}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
};
