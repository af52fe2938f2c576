import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { contentField, shortCodeField } from './fields';
import { cannedResponseRecord } from './locator';

const updateFields = [contentField(false), shortCodeField(false)];

export const { option, properties } = updateRecordOperation(
	cannedResponseRecord,
	'Update a canned response',
	'Change the short code or the content',
	updateFields,
);
