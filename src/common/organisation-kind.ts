/** The three kinds of organisation Lotse knows (docs/domain.md). Shared by every module. */
export enum OrganisationKind {
  Jobcenter = 'jobcenter',
  Provider = 'provider',
  Operator = 'operator',
}
