import { hash, verify } from '@node-rs/argon2';
import { invalidInput } from '../app-error.ts';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The password rules: long enough, and not the username. */
export const checkPasswordPolicy = (username: string, password: string): void => {
  const problems: { path: string; message: string }[] = [];
  if (password.length < 10) problems.push({ path: 'password', message: 'at least 10 characters' });
  if (password.length > 200) problems.push({ path: 'password', message: 'at most 200 characters' });
  if (password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ path: 'password', message: 'must not contain the username' });
  if (problems.length > 0) throw invalidInput('the password does not meet the rules', problems);
};

/** Hashes a password with argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Checks a password against its hash. */
export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);
