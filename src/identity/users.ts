/**
 * The user directory behind the sign-in page: a small JSON file of users with
 * scrypt password hashes (never plain passwords).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hashPassword, isPasswordHash, verifyPassword } from './password-hash';

const userSchema = z.object({
  username: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9._-]{0,63}$/,
      'lower-case letters, digits, ".", "_" or "-", at most 64 characters',
    ),
  name: z.string().min(1),
  email: z.email(),
  groups: z.array(z.string().min(1)),
  passwordHash: z.string().refine(isPasswordHash, {
    error: 'must be a scrypt hash from `npm run -s identity:hash-password`',
  }),
});

const fileSchema = z.object({
  users: z
    .array(userSchema)
    .min(1)
    .refine(
      (users) => new Set(users.map((u) => u.username)).size === users.length,
      { error: 'usernames must be unique' },
    ),
});

export type User = z.infer<typeof userSchema>;

/** Standard claims for a user. `sub` is the username, stable and readable. */
export function userClaims(user: User): Record<string, unknown> {
  return {
    sub: user.username,
    preferred_username: user.username,
    name: user.name,
    email: user.email,
    email_verified: true,
    groups: [...user.groups],
  };
}

/** Looks users up and checks their passwords. */
export class UserDirectory {
  readonly #byName: Map<string, User>;
  #decoy: Promise<string> | undefined;

  constructor(users: User[]) {
    this.#byName = new Map(users.map((user) => [user.username, user]));
  }

  get size(): number {
    return this.#byName.size;
  }

  all(): User[] {
    return [...this.#byName.values()];
  }

  /** Finds a user by username (or `sub`, which is the same). */
  find(username: string): User | undefined {
    return this.#byName.get(username.trim().toLowerCase());
  }

  /**
   * Returns the user when the password matches. An unknown username still
   * costs one scrypt run, so response times do not reveal which names exist.
   */
  async authenticate(
    username: string,
    password: string,
  ): Promise<User | undefined> {
    const user = this.find(username);
    if (!user) {
      this.#decoy ??= hashPassword('decoy password');
      await verifyPassword(password, await this.#decoy);
      return undefined;
    }
    return (await verifyPassword(password, user.passwordHash))
      ? user
      : undefined;
  }
}

/**
 * Reads and validates a users file.
 * @throws Error naming the file and every problem in it.
 */
export function loadUsers(file: string): UserDirectory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read users file ${file}: ${reason}`, {
      cause: error,
    });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(
      `users file ${file} is invalid:\n  - ${problems.join('\n  - ')}`,
    );
  }
  return new UserDirectory(parsed.data.users);
}
