/**
 * Every problem kind Lotse answers with (`urn:lotse:problem:<kind>`), and its title in German.
 * The English title is the one the error class (or STATUS_KINDS) carries; a request whose
 * `Accept-Language` prefers German gets the German one. The OpenAPI document lists these kinds
 * as the enum of a problem's `type`, so a kind missing here fails the contract check of the
 * test that caused it, and `problem-catalogue.spec.ts` fails for a kind the code names that is
 * missing here. docs/problem-types.md describes each kind.
 */
export const PROBLEM_TITLES_DE = {
  'validation-error': 'Ungültige Anfrage',
  'invalid-json': 'Ungültiges JSON',
  'invalid-cursor': 'Ungültiger Cursor',
  'bad-request': 'Fehlerhafte Anfrage',
  'idempotency-key-missing': 'Idempotency-Key fehlt',
  'idempotency-key-invalid': 'Ungültiger Idempotency-Key',
  unauthorized: 'Nicht angemeldet',
  'invalid-credentials': 'Anmeldedaten ungültig',
  'invalid-refresh-token': 'Refresh-Token ungültig',
  'invalid-activation-code': 'Aktivierungscode ungültig',
  'invalid-mfa-challenge': 'Anmeldung mit zweitem Faktor abgelaufen',
  'invalid-mfa-code': 'Code ungültig',
  'mfa-already-enrolled': 'Zweiter Faktor bereits eingerichtet',
  'sso-login-failed': 'Single Sign-On fehlgeschlagen',
  'invalid-logout-token': 'Logout-Token ungültig',
  'password-login-disabled': 'Anmeldung mit Passwort abgeschaltet',
  'sso-account-not-linked': 'Konto nicht verknüpft',
  'sso-roles-refused': 'Keine zulässige Rolle',
  'identity-provider-exists': 'Identitätsanbieter bereits eingerichtet',
  'identity-link-taken': 'Bereits verknüpft',
  'identity-provider-unavailable': 'Identitätsanbieter nicht erreichbar',
  forbidden: 'Keine Berechtigung',
  'not-an-approver': 'Nicht zur Genehmigung berechtigt',
  'cannot-decide-own-request': 'Eigene Anfrage kann nicht entschieden werden',
  'not-your-request': 'Nicht Ihre Anfrage',
  'not-found': 'Nicht gefunden',
  'method-not-allowed': 'Methode nicht erlaubt',
  'not-acceptable': 'Format nicht verfügbar',
  'request-timeout': 'Zeitüberschreitung der Anfrage',
  conflict: 'Konflikt',
  'email-taken': 'E-Mail-Adresse bereits vergeben',
  'organisation-name-taken': 'Name der Organisation bereits vergeben',
  'contract-number-taken': 'Vertragsnummer bereits vergeben',
  'capacity-below-open-referrals': 'Kapazität unter den offenen Zuweisungen',
  'month-not-billable': 'Monat nicht abrechenbar',
  'no-billing-terms': 'Keine Abrechnungskonditionen',
  'statement-edition-conflict': 'Gleichzeitige Ausgabe der Abrechnung',
  'partner-agreement-exists': 'Vereinbarung mit dem Partner besteht bereits',
  'partner-capacity-exhausted': 'Keine reservierten Plätze frei',
  'onward-referral-not-consented': 'Keine Einwilligung zur Weitervermittlung',
  'onward-referral-state-conflict': 'In diesem Status der Weitervermittlung nicht möglich',
  'customer-number-taken': 'Kundennummer bereits vergeben',
  'processing-restricted': 'Verarbeitung eingeschränkt',
  'already-restricted': 'Verarbeitung bereits eingeschränkt',
  'not-restricted': 'Verarbeitung nicht eingeschränkt',
  'erasure-blocked': 'Löschung derzeit nicht möglich',
  'template-already-approved': 'Vorlage bereits freigegeben',
  'consent-changed': 'Einwilligung zwischenzeitlich geändert',
  'already-revoked': 'Bereits widerrufen',
  'consent-superseded': 'Einwilligung ersetzt',
  'approval-request-closed': 'Anfrage bereits entschieden',
  'transition-not-allowed': 'In diesem Status nicht möglich',
  'referral-not-draft': 'Nur ein Entwurf kann geändert werden',
  'referral-not-active': 'Die Zuweisung wird nicht bearbeitet',
  'no-capacity': 'Kein freier Platz',
  'report-submitted': 'Bericht bereits übermittelt',
  'referral-not-open': 'Die Zuweisung ist nicht offen',
  'appointment-closed': 'Termin abgeschlossen',
  'appointment-not-due': 'Termin noch nicht begonnen',
  'accompaniment-not-planned': 'Keine Begleitung vorgesehen',
  'attendance-already-recorded': 'Begleitung bereits erfasst',
  'report-not-allowed-now': 'Bericht dieser Art derzeit nicht möglich',
  'report-already-corrected': 'Bericht bereits korrigiert',
  'idempotency-key-in-flight': 'Anfrage wird noch verarbeitet',
  'precondition-failed': 'Zwischenzeitlich geändert',
  'payload-too-large': 'Anfrage zu groß',
  'uri-too-long': 'Adresse zu lang',
  'unsupported-media-type': 'Format der Anfrage nicht unterstützt',
  'unprocessable-content': 'Anfrage nicht verarbeitbar',
  'role-not-allowed': 'Rolle für diese Organisation nicht zulässig',
  'api-keys-for-providers-only': 'API-Schlüssel nur für Träger',
  'organisation-inactive': 'Organisation ist deaktiviert',
  'cannot-lock-yourself-out': 'Sie können sich nicht selbst aussperren',
  'wrong-current-password': 'Aktuelles Passwort falsch',
  'template-not-approved': 'Vorlage nicht freigegeben',
  'outside-template': 'Kategorie nicht in der Vorlage',
  'recipient-not-allowed': 'Empfänger nicht zulässig',
  'grants-not-in-consent': 'Freigaben gehören nicht zu dieser Einwilligung',
  'no-valid-contract': 'Kein gültiger Vertrag',
  'worker-not-assignable': 'Fachkraft kann nicht zugeordnet werden',
  'idempotency-key-reused': 'Idempotency-Key bereits verwendet',
  'precondition-required': 'If-Match fehlt',
  'too-many-requests': 'Zu viele Anfragen',
  'request-header-fields-too-large': 'Kopfzeilen zu groß',
  'internal-error': 'Interner Fehler',
  'service-unavailable': 'Dienst nicht verfügbar',
  'database-unavailable': 'Datenbank nicht erreichbar',
  'not-ready': 'Dienst nicht bereit',
} as const;

export type ProblemKind = keyof typeof PROBLEM_TITLES_DE;

export const PROBLEM_KINDS = Object.keys(PROBLEM_TITLES_DE) as ProblemKind[];

function isKnownKind(kind: string): kind is ProblemKind {
  return Object.hasOwn(PROBLEM_TITLES_DE, kind);
}

/**
 * Whether an `Accept-Language` header prefers German over English (RFC 9110 §12.5.4: the
 * highest weight wins, the first listed on a tie). Anything else, or none: English.
 */
export function prefersGerman(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  let best: { lang: string; q: number } | undefined;
  for (const part of acceptLanguage.split(',').slice(0, 20)) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const lang = range.trim().split('-')[0];
    if (lang !== 'de' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang === 'de';
}

/** The problem's title in the caller's language: German when preferred and known. */
export function localisedTitle(kind: string, englishTitle: string, german: boolean): string {
  return german && isKnownKind(kind) ? PROBLEM_TITLES_DE[kind] : englishTitle;
}
