/**
 * `npm run -s identity:hash-password`: prints the scrypt hash of a password
 * for the users file (`IDENTITY_USERS_FILE`, default
 * src/identity/demo-users.json).
 *
 *   npm run -s identity:hash-password                          # asks, no echo
 *   printf '%s' "$PASSWORD" | npm run -s identity:hash-password
 *
 * The password is read from the terminal or stdin, never from the command
 * line, so it does not end up in shell history or the process list.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from '../password-hash';

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // A trailing newline from `echo` is almost never meant as part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const password = process.stdin.isTTY
    ? await askHidden('Password: ')
    : await readPiped();
  if (password.length === 0) {
    console.error('No password given: type one, or pipe it on stdin.');
    return 1;
  }
  console.log(await hashPassword(password));
  console.error(
    'Put this value in the "passwordHash" field of the user in the users file.',
  );
  return 0;
}

process.exitCode = await main();
