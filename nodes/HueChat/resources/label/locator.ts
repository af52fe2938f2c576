import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const labelUrl = v1('/labels/{{$parameter.labelId}}');

/** The label picker: From List or By ID. */
export const labelRecord = pickedRecord('label', labelUrl, {
	displayName: 'Label',
	searchMethod: 'searchLabels',
});
export const { picker: labelLocator, idCheck: labelIdCheck } = labelRecord;
