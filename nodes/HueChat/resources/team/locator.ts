import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const teamUrl = v1('/teams/{{$parameter.teamId}}');

/** The team picker: From List, By ID, or By URL (the team's settings page in the HueChat dashboard). */
export const teamRecord = pickedRecord('team', teamUrl, {
	displayName: 'Team',
	searchMethod: 'searchTeams',
	urlSegment: 'settings/teams',
});
export const { picker: teamLocator, idCheck: teamIdCheck } = teamRecord;
