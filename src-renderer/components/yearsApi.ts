import { contractEndpoints } from '../api/contractApi';

/**
 * The list of academic years: nearly every page picks one, so it lives beside the shared
 * selected-year state rather than inside the year feature (features do not import each other).
 */
export const yearsApi = contractEndpoints({ years: 'setup.years.list' });

export const { useYearsQuery } = yearsApi;
