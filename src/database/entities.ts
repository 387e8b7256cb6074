import { Organisation } from '../identity/organisation.entity';

/**
 * Every entity, for the app's data source and the migration CLI alike. A module adds its
 * entities here; the drift test fails until a migration creates their tables.
 */
export const entities = [Organisation];
