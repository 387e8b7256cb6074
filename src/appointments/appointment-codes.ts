/**
 * The codes of appointments (docs/architecture/0021-appointments-and-sanction-firewall.md).
 * Everything about an appointment is a code or a time: nothing is free text about the person.
 */

/** Where the appointment happens: at a place (`location`), or by phone. */
export enum AppointmentMode {
  InPerson = 'in_person',
  ByPhone = 'by_phone',
}

/**
 * What the appointment is for, from a fixed list (never free text about the person): the
 * jobcenter's own kinds of appointment, none of which names a health or family matter.
 */
export enum AppointmentPurpose {
  /** Erstgespräch. */
  InitialMeeting = 'initial_meeting',
  /** Beratungsgespräch. */
  Counselling = 'counselling',
  /** Kooperationsplan (§ 15 SGB II). */
  CooperationPlan = 'cooperation_plan',
  /** Leistungsangelegenheiten (the benefit itself). */
  Benefits = 'benefits',
  /** Vermittlung in Arbeit oder Ausbildung. */
  Placement = 'placement',
  Other = 'other',
}

/**
 * What became of the appointment, as the case manager records it: the jobcenter's own data
 * about its appointment (whether the client came to the jobcenter), never the provider's.
 */
export enum AppointmentOutcome {
  TookPlace = 'took_place',
  ClientDidNotCome = 'client_did_not_come',
  Rescheduled = 'rescheduled',
}

/** The side that recorded the client's wish to be accompanied. */
export enum AppointmentParty {
  Jobcenter = 'jobcenter',
  Provider = 'provider',
}

/**
 * The provider worker's record of the accompaniment: whether they met the client (at the
 * meeting point, or on the phone). `participation` content of the provider: the jobcenter reads
 * it only as the client released participation to it for the referral.
 */
export enum AccompanimentMeeting {
  MetClient = 'met_client',
  ClientDidNotCome = 'client_did_not_come',
}
