import type { ConsentTemplate } from './consent-template.entity';
import type { ConsentView, EffectiveConsent, ExpiringConsent } from './consents.service';
import type {
  ConsentActorDto,
  ConsentDto,
  EffectiveConsentDto,
  ExpiringConsentDto,
} from './dto/consent.dto';
import type { ConsentTemplateDto, ConsentTemplateSummaryDto } from './dto/consent-template.dto';

export function toConsentTemplateSummaryDto(t: ConsentTemplate): ConsentTemplateSummaryDto {
  return {
    id: t.id,
    organisationId: t.organisationId,
    key: t.key,
    version: t.version,
    title: t.title,
    categories: t.categories,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    approved: t.approvedAt !== null,
    approvedBy: t.approvedBy,
    approvedAt: t.approvedAt,
  };
}

export function toConsentTemplateDto(t: ConsentTemplate): ConsentTemplateDto {
  return { ...toConsentTemplateSummaryDto(t), body: t.body };
}

/** The organisation always; the person only to their own organisation (as in the referral history). */
function actorOf(
  viewerOrganisationId: string,
  person: { id: string; name: string | null; organisationId: string | null },
  fallbackOrganisationId: string,
): ConsentActorDto {
  const organisationId = person.organisationId ?? fallbackOrganisationId;
  return organisationId === viewerOrganisationId && person.name !== null
    ? { organisationId, id: person.id, displayName: person.name }
    : { organisationId };
}

/** One record as `view.viewerOrganisationId` may see it; built field by field. */
export function toConsentDto(view: ConsentView): ConsentDto {
  const { record: r, viewerOrganisationId: viewer } = view;
  const releasing = r.releasingOrganisationId === viewer;
  return {
    id: r.id,
    clientId: r.clientId,
    referralId: r.referralId,
    releasingOrganisation: { id: r.releasingOrganisationId, name: r.releasingName },
    template: releasing
      ? { id: r.templateId, key: r.templateKey, version: r.templateVersion, title: r.templateTitle }
      : { id: r.templateId, version: r.templateVersion },
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    evidence: {
      form: r.evidenceForm,
      givenOn: r.givenOn,
      // The releasing organisation's filing reference is of no concern to recipients.
      documentReference: releasing ? r.documentReference : null,
    },
    recordedBy: actorOf(
      viewer,
      { id: r.recordedBy, name: r.recorderName, organisationId: r.recorderOrganisationId },
      r.releasingOrganisationId,
    ),
    recordedAt: r.recordedAt,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    status: view.status,
    grants: view.grants.map((g) => ({
      id: g.id,
      category: g.category,
      recipient: { id: g.recipientOrganisationId, name: g.recipientName },
      revokedAt: g.revokedAt,
      revokedBy: g.revokedBy
        ? actorOf(
            viewer,
            { id: g.revokedBy, name: g.revokerName, organisationId: g.revokerOrganisationId },
            r.releasingOrganisationId,
          )
        : null,
    })),
  };
}

export function toEffectiveConsentDto(effective: EffectiveConsent): EffectiveConsentDto {
  return {
    nothingReleased: effective.nothingReleased,
    grants: effective.grants.map((g) => ({
      category: g.category,
      recipientOrganisationId: g.recipientOrganisationId,
      recipientName: g.recipientName,
      releasingOrganisationId: g.releasingOrganisationId,
      releasingName: g.releasingName,
      consentId: g.consentId,
      referralId: g.referralId,
      validUntil: g.validUntil,
    })),
  };
}

export function toExpiringConsentDto(e: ExpiringConsent): ExpiringConsentDto {
  if (!e.record.validUntil) throw new Error('an expiring consent without validUntil');
  return {
    id: e.record.id,
    clientId: e.record.clientId,
    referralId: e.record.referralId,
    validFrom: e.record.validFrom,
    validUntil: e.record.validUntil,
    categories: e.categories,
  };
}
