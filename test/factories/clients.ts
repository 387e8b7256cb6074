import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Client, ClientContactWay } from '../../src/clients/client.entity';
import { toClientDto } from '../../src/clients/clients.mappers';
import type { ClientDto } from '../../src/clients/dto/client.dto';

export type TestClient = ClientDto & { version: number };

/** A customer number no other test client has (letters and digits, as the API stores them). */
export function uniqueCustomerNumber(): string {
  return `T${randomUUID().replace(/-/g, '').slice(0, 15).toUpperCase()}`;
}

/**
 * A fresh client of the jobcenter, written straight to the table (fast; no HTTP, no audit
 * event). Every field can be overridden; the customer number is unique unless given.
 */
export async function createClient(
  app: INestApplication,
  options: { jobcenterId: string } & Partial<Omit<Client, 'id' | 'jobcenter' | 'creator'>>,
): Promise<TestClient> {
  const manager = app.get(DataSource).manager;
  const { id } = await manager.save(
    Client,
    manager.create(Client, {
      customerNumber: uniqueCustomerNumber(),
      givenName: 'Erika',
      familyName: 'Musterfrau',
      dateOfBirth: '1984-03-07',
      street: 'Lindenstraße 12',
      postcode: '12345',
      city: 'Musterstadt',
      phone: null,
      email: null,
      preferredContact: ClientContactWay.NoPreference,
      preferredContactTimes: null,
      noteToProvider: null,
      createdBy: null,
      ...options,
    }),
  );
  const client = await manager.findOneByOrFail(Client, { id });
  return { ...toClientDto(client), version: client.version };
}

/** A valid `POST /clients` body with a fresh customer number; `overrides` replace fields. */
export function clientBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { customerNumber: string } {
  return {
    customerNumber: uniqueCustomerNumber(),
    givenName: 'Erika',
    familyName: 'Musterfrau',
    dateOfBirth: '1984-03-07',
    street: 'Lindenstraße 12',
    postcode: '12345',
    city: 'Musterstadt',
    ...overrides,
  };
}
