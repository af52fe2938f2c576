import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as updateOperation from './update.operation';

export const customAttributeDescription: INodeProperties[] = resourceDescription(
	'customAttribute',
	'getAll',
	[createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
);
