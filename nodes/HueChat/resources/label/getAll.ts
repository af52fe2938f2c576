import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions/builders';

export const labelGetAllDescription: INodeProperties[] = [...returnAllAndLimit('label', 'getAll')];
