import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The team picker: From List, By ID, or By URL (the team's settings page in the HueChat dashboard). */
export function teamLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'teamId',
			displayName: 'Team',
			searchMethod: 'searchTeams',
			urlSegment: 'settings/teams',
			description: 'The team to use',
		},
		showFor('team', operations),
	);
}

export const teamIdCheck = {
	parameter: 'teamId',
	label: 'Team',
	check: 'positiveInteger' as const,
};

export const teamUrl = v1('/teams/{{$parameter.teamId}}');

/** What team operations on one record share: the picker, the record's URL and the ID check. */
export const teamRecord: RecordKind = {
	resource: 'team',
	picker: teamLocator,
	url: teamUrl,
	check: checkFields(teamIdCheck),
};
