/**
 * The kinds of organisation Lotse knows (docs/domain.md): the jobcenter, the providers it
 * commissions, partner organisations (e.g. a psychiatric clinic) a provider refers onward to
 * (ADR 0022), and the operator. Shared by every module.
 */
export enum OrganisationKind {
  Jobcenter = 'jobcenter',
  Provider = 'provider',
  Operator = 'operator',
  Partner = 'partner',
}
