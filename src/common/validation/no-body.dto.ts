/**
 * The body of an action that takes none: an empty object, or no body at all. Declaring it
 * makes the validation pipe refuse any field (`400`), so that a client still sending a field
 * the action no longer takes learns so instead of being silently ignored.
 */
export class NoBodyDto {}
