import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** OWASP/ASVS minimum for argon2id: 19 MiB, two passes, one lane. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * node-argon2 writes its parameters as `m=…,p=…,t=…`; the reference implementation and the PHC
 * string format write `m=…,t=…,p=…`. Stored hashes use the standard order (verify reads both).
 */
function standardParameterOrder(hash: string): string {
  return hash.replace(
    /^(\$argon2id\$v=\d+\$)([^$]+)(\$)/,
    (_, head: string, params: string, tail: string) => {
      const byName = new Map(params.split(',').map((p) => p.split('=') as [string, string]));
      const ordered = ['m', 't', 'p'].map((k) => `${k}=${byName.get(k)}`).join(',');
      return `${head}${ordered}${tail}`;
    },
  );
}

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  /** A hash of a random secret, so that an unknown account costs as much as a wrong password. */
  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
  }

  async hash(password: string): Promise<string> {
    return standardParameterOrder(await argon2.hash(password, ARGON2_OPTIONS));
  }

  /** Verifies against `hash`, or against the dummy hash when there is no account (always false). */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const matches = await argon2.verify(hash ?? this.dummyHash, password);
    return hash !== undefined && matches;
  }
}
