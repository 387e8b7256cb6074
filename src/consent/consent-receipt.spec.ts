import { DataCategory } from '../confidentiality/data-category';
import { OrganisationKind } from '../common/organisation-kind';
import {
  CATEGORY_LABELS_DE,
  renderConsentReceipt,
  type ConsentReceiptInput,
} from './consent-receipt';
import { ConsentEvidenceForm } from './consent-record.entity';
import { ConsentStatus } from './consent-status';

const input: ConsentReceiptInput = {
  consentId: '6f1c2f0e-1111-4a8e-9f3b-2c6d7e8f9a01',
  releasingName: 'Brücke e. V.',
  purpose: {
    referredAt: new Date('2026-11-03T09:30:00Z'),
    jobcenterName: 'Jobcenter Essen',
    providerName: 'Brücke e. V.',
  },
  grants: [
    {
      category: DataCategory.Participation,
      recipientName: 'Jobcenter Essen',
      recipientKind: OrganisationKind.Jobcenter,
      revokedAt: null,
    },
    {
      category: DataCategory.Health,
      recipientName: 'Jobcenter Essen',
      recipientKind: OrganisationKind.Jobcenter,
      revokedAt: null,
    },
    {
      category: DataCategory.Debts,
      recipientName: 'Schuldnerberatung Nord',
      recipientKind: OrganisationKind.Provider,
      revokedAt: null,
    },
  ],
  validFrom: new Date('2026-11-21T08:00:00Z'),
  validUntil: null,
  status: ConsentStatus.Given,
  evidence: {
    form: ConsentEvidenceForm.Written,
    givenOn: '2026-11-20',
    documentReference: 'Akte 2026/117',
  },
  template: { title: 'Schweigepflichtentbindung', key: 'sp-jobcenter', version: 3 },
  recordedAt: new Date('2026-11-21T08:05:00Z'),
};

const printedAt = new Date('2026-11-22T10:15:00Z');

describe('renderConsentReceipt', () => {
  it('says who releases what to whom, for which referral, in plain German', () => {
    const text = renderConsentReceipt(input, printedAt);
    expect(text).toContain('Brücke e. V. darf die unten genannten Angaben über Sie weitergeben');
    expect(text).toContain('Zuweisung vom 03.11.2026 (Jobcenter Essen an Brücke e. V.)');
    expect(text).toContain(
      'An Jobcenter Essen:\n  - Teilnahme: ob ein Kontakt zustande kam und ob Sie teilnehmen, Termine (nie deren Inhalt)\n',
    );
    expect(text).toContain(
      `  - ${CATEGORY_LABELS_DE[DataCategory.Health]} (besonders geschützte Gesundheitsdaten)`,
    );
    expect(text).toContain(`An Schuldnerberatung Nord:\n  - ${CATEGORY_LABELS_DE.debts}`);
    expect(text).toContain('Ausgestellt am 22.11.2026, 11:15 Uhr');
  });

  it('labels every category in German', () => {
    for (const category of Object.values(DataCategory)) {
      expect(CATEGORY_LABELS_DE[category]).toMatch(/^[A-ZÄÖÜ][^:]+: .{10,}/);
    }
  });

  it('explains how to revoke, to whom, and that it costs nothing', () => {
    const text = renderConsentReceipt(input, printedAt);
    expect(text).toContain(
      'Sie können diese Einwilligung jederzeit, ganz oder teilweise, ohne Angabe von Gründen und ohne Nachteile widerrufen; der Widerruf gilt für die Zukunft.',
    );
    expect(text).toContain('formlose Nachricht, mündlich oder schriftlich, an Brücke e. V.');
    expect(text).toContain(
      'Sie können den Widerruf auch bei Jobcenter Essen erklären, bei Ihrer Fallmanagerin oder Ihrem Fallmanager; er gilt dann für alle Stellen, an die hier etwas freigegeben ist.',
    );
  });

  it('names the evidence: form, day given, template version, filing reference', () => {
    const text = renderConsentReceipt(input, printedAt);
    expect(text).toContain('Form: schriftlich (unterschrieben)');
    expect(text).toContain('Erteilt am: 20.11.2026');
    expect(text).toContain(
      'Einwilligungstext: „Schweigepflichtentbindung“ (sp-jobcenter), Version 3',
    );
    expect(text).toContain('Ablage: Akte 2026/117');
    expect(text).toContain(`Kennung: ${input.consentId}`);
    expect(
      renderConsentReceipt(
        { ...input, evidence: { ...input.evidence, documentReference: null } },
        printedAt,
      ),
    ).not.toContain('Ablage:');
  });

  it('says "bis auf Widerruf" for an open consent and the last day for one that ends', () => {
    expect(renderConsentReceipt(input, printedAt)).toContain(
      'Gültig ab 21.11.2026 bis auf Widerruf.',
    );
    // Exclusive end at midnight in Germany: valid including the day before.
    const endsAtMidnight = renderConsentReceipt(
      { ...input, validUntil: new Date('2027-11-20T23:00:00Z') },
      printedAt,
    );
    expect(endsAtMidnight).toContain('Gültig ab 21.11.2026 bis einschließlich 20.11.2027.');
    expect(endsAtMidnight).not.toContain('bis auf Widerruf');
    const endsAtNoon = renderConsentReceipt(
      { ...input, validUntil: new Date('2027-06-30T10:00:00Z') },
      printedAt,
    );
    expect(endsAtNoon).toContain('Gültig ab 21.11.2026 bis 30.06.2027, 12:00 Uhr.');
  });

  it('shows the status and every revocation with its day', () => {
    expect(renderConsentReceipt(input, printedAt)).toContain('Stand\nErteilt und in Kraft.');
    const partly = renderConsentReceipt(
      {
        ...input,
        grants: input.grants.map((g) =>
          g.category === DataCategory.Health
            ? { ...g, revokedAt: new Date('2026-11-22T08:00:00Z') }
            : g,
        ),
      },
      printedAt,
    );
    expect(partly).toContain('(besonders geschützte Gesundheitsdaten) – widerrufen am 22.11.2026');
    expect(partly).toContain('Erteilt und in Kraft, teilweise widerrufen (siehe oben).');
    expect(
      renderConsentReceipt({ ...input, status: ConsentStatus.Withdrawn }, printedAt),
    ).toContain('Vollständig widerrufen.');
    expect(
      renderConsentReceipt({ ...input, status: ConsentStatus.Superseded }, printedAt),
    ).toContain('Durch eine neuere Einwilligung ersetzt.');
    expect(renderConsentReceipt({ ...input, status: ConsentStatus.Expired }, printedAt)).toContain(
      'Abgelaufen.',
    );
  });

  it("names the client's jobcenter as a place to revoke also when nothing is released to it", () => {
    const toProviderOnly = renderConsentReceipt(
      {
        ...input,
        grants: input.grants.filter((g) => g.recipientKind === OrganisationKind.Provider),
      },
      printedAt,
    );
    expect(toProviderOnly).toContain('Sie können den Widerruf auch bei Jobcenter Essen erklären');
    expect(toProviderOnly).not.toContain('An Jobcenter Essen');
    // A consent the jobcenter released itself names it once.
    const own = renderConsentReceipt({ ...input, releasingName: 'Jobcenter Essen' }, printedAt);
    expect(own).not.toContain('auch bei Jobcenter Essen');
  });

  it("gives another organisation's template by version and id only", () => {
    const text = renderConsentReceipt(
      { ...input, template: { id: '0b8e7d2c-2222-4c1d-8e9f-3a4b5c6d7e8f', version: 3 } },
      printedAt,
    );
    expect(text).toContain(
      'Einwilligungstext: Version 3 (Kennung 0b8e7d2c-2222-4c1d-8e9f-3a4b5c6d7e8f)',
    );
    expect(text).not.toContain('Schweigepflichtentbindung“');
  });
});
