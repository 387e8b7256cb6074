import type { Client } from './client.entity';
import type { ClientDto } from './dto/client.dto';

/** The full record, as the owning jobcenter sees it (never `createdBy` or the version). */
export function toClientDto(c: Client): ClientDto {
  return {
    id: c.id,
    jobcenterId: c.jobcenterId,
    customerNumber: c.customerNumber,
    givenName: c.givenName,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    street: c.street,
    postcode: c.postcode,
    city: c.city,
    careOf: c.careOf,
    usualWhereabouts: c.usualWhereabouts,
    municipality: c.municipality,
    phone: c.phone,
    email: c.email,
    preferredContact: c.preferredContact,
    preferredContactTimes: c.preferredContactTimes,
    noteToProvider: c.noteToProvider,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
