import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** ASVS 6.2.1/6.2.9: at least 12 characters; long passphrases welcome and never truncated. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

let common: ReadonlySet<string> | undefined;

/** The shipped list of common passwords (see the file's header), loaded once. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** "P@ssw0rd2024!" → "password": strip the digits and symbols around a word, undo leetspeak. */
function coreWord(normalized: string): string {
  const stripped = normalized.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');
  return [...stripped].map((c) => LEET[c] ?? c).join('');
}

/** "dragondragon" → "dragon"; a word that does not repeat is returned as it is. */
function repeatedUnit(word: string): string {
  for (let size = 1; size <= word.length / 2; size++) {
    if (word.length % size === 0 && word.slice(0, size).repeat(word.length / size) === word) {
      return word.slice(0, size);
    }
  }
  return word;
}

/** Runs like "123456789", "abcdef" or "aaaaaa" make up nearly all of it. */
function isSequence(chars: string[]): boolean {
  let stepping = 0;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!;
    if (Math.abs(step) <= 1) stepping++;
  }
  return stepping >= chars.length - 3;
}

/**
 * Why a password is not acceptable, or an empty list. No composition rules (ASVS 6.2.5):
 * length, the common-password list with its decorated forms, sequences, and the user's own
 * email address.
 */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) {
    return [`password must be at least ${PASSWORD_MIN_LENGTH} characters long`];
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    return [`password must be at most ${PASSWORD_MAX_LENGTH} characters long`];
  }
  const normalized = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  const core = coreWord(normalized);
  if (list.has(normalized) || list.has(core) || list.has(repeatedUnit(core))) {
    return ['password is too common; choose a longer phrase of unrelated words'];
  }
  const normalizedChars = [...normalized];
  if (new Set(normalizedChars).size < 5 || isSequence(normalizedChars)) {
    return ['password is a sequence or repetition; choose a longer phrase of unrelated words'];
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && normalized.includes(local)) {
    return ['password must not contain your email address'];
  }
  return [];
}
