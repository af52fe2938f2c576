import { deleteOperation } from '../../../shared/descriptions/operations';
import { teamRecord } from './locator';

export const { option, properties } = deleteOperation(teamRecord, 'Delete a team', 'Delete a team; its conversations keep going without a team');
