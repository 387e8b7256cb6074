/**
 * Every piece of case content carries exactly one category (docs/domain.md, "Data categories"); the
 * client's consent releases categories to recipients.
 */
export enum DataCategory {
  Participation = 'participation',
  Goals = 'goals',
  Debts = 'debts',
  Housing = 'housing',
  Health = 'health',
  MentalHealth = 'mental_health',
  Family = 'family',
  Correspondence = 'correspondence',
  Summary = 'summary',
}

/** Special categories of personal data (Art. 9 GDPR). */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = [
  DataCategory.Health,
  DataCategory.MentalHealth,
];
