import { Alert, Text } from '@mantine/core';

/** The problems of a failed write that no field shows, above the form's buttons. */
export const FormProblems = ({ messages }: { messages: readonly string[] }) =>
  messages.length === 0 ? null : (
    <Alert color="red" role="alert" py="xs">
      {messages.map((m) => (
        <Text key={m} size="sm">
          {m}
        </Text>
      ))}
    </Alert>
  );
