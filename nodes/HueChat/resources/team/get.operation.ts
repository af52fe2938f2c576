import { getOperation } from '../../../shared/descriptions/operations';
import { teamRecord } from './locator';

export const { option, properties } = getOperation(teamRecord, 'Get a team', 'Get a team by ID');
