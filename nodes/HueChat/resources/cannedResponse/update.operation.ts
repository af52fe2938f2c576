import { updateOperation } from '../../../shared/descriptions/operations';
import { contentField, shortCodeField } from './fields';
import { cannedResponseRecord } from './locator';

const updateFields = [contentField(false), shortCodeField(false)];

export const { option, properties } = updateOperation(cannedResponseRecord, 'Update a canned response', 'Change the short code or the content', updateFields);
