import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { HashGate } from './hash-gate';

/**
 * OWASP/ASVS minimum for argon2id: 19 MiB, two passes, one lane. `@node-rs/argon2` computes on
 * libuv's thread pool and ships a prebuilt binary per platform as an optional dependency, with
 * no install script (docs/architecture/0010-deployment-and-operations.md).
 */
export const ARGON2_OPTIONS = {
  // `Algorithm` is an ambient const enum, which isolated modules cannot read: its value is 2.
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Writes the parameters in the order of the PHC string format and the reference implementation
 * (`m=…,t=…,p=…`); hashes stored by the earlier node-argon2 (`m=…,p=…,t=…`) verify as well.
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
  /** PASSWORD_HASHES_AT_ONCE computations at once (hash-gate.ts); one outside an app. */
  readonly gate: HashGate;

  constructor(@Optional() config?: ConfigService<AppConfig, true>) {
    this.gate = new HashGate(config?.get('auth', { infer: true }).passwordHashesAtOnce ?? 1);
  }

  /** A hash of a random secret, so that an unknown account costs as much as a wrong password. */
  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
  }

  async hash(password: string): Promise<string> {
    return standardParameterOrder(await this.gate.run(() => argon2Hash(password, ARGON2_OPTIONS)));
  }

  /** Verifies against `hash`, or against the dummy hash when there is no account (always false). */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const matches = await this.gate
      .run(() => argon2Verify(hash ?? this.dummyHash, password))
      .catch(() => false);
    return hash !== undefined && matches;
  }
}
