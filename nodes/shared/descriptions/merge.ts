import type { INodeProperties } from 'n8n-workflow';

/**
 * Why: n8n-core's RoutingNode evaluates the value of every top-level property of the description for every item
 * (twice: once for the request, once while resolving the base URL), before it checks whether the property is
 * shown. The value is looked up by name, so a parameter name that N properties define has its expressions evaluated
 * N times per item. Operations that share a property (the same picker, Return All, Simplify...) each define their
 * own copy of it; this merges the copies into one property shown wherever any of them was.
 *
 * Two copies merge when they are identical but for the resources and operations they are shown for, and when the
 * merged property (shown for every listed resource and every listed operation) shows for no operation the copies
 * did not. The merged list keeps each operation's fields in the order they had.
 */
export function mergeSharedProperties(properties: INodeProperties[]): INodeProperties[] {
	const situations = operationsOf(properties);
	const unmergeable = new Set<number>();
	for (;;) {
		const groups = groupCopies(properties, situations, unmergeable);
		const ordered = orderGroups(groups, situations);
		if (Array.isArray(ordered)) return ordered.map(mergedProperty);
		// No order keeps every operation's fields in place: split the biggest group in the way and try again.
		unmergeable.add(ordered.members[0]);
	}
}

interface Group {
	members: number[];
	properties: INodeProperties[];
	resources: string[];
	operations: string[];
	/** `resource:operation` pairs it shows for; undefined for a property not placed by resource and operation. */
	shownFor?: Set<string>;
}

/** Every `resource:operation` pair of the node, from the Operation dropdowns. */
function operationsOf(properties: INodeProperties[]): string[] {
	return properties
		.filter((property) => property.name === 'operation' && property.options)
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options as Array<{ value: string }>).map(
					(option) => `${String(resource)}:${option.value}`,
				),
			),
		);
}

function placement(property: INodeProperties) {
	const show = property.displayOptions?.show;
	if (!Array.isArray(show?.resource) || !Array.isArray(show?.operation)) return undefined;
	const { resource, operation, ...otherConditions } = show;
	return {
		resources: resource.map(String),
		operations: operation.map(String),
		identity: identityOf({
			...property,
			displayOptions: { ...property.displayOptions, show: otherConditions },
		}),
	};
}

function shownFor(situations: string[], resources: string[], operations: string[]): Set<string> {
	return new Set(
		situations.filter((situation) => {
			const [resource, operation] = situation.split(':');
			return resources.includes(resource) && operations.includes(operation);
		}),
	);
}

/** Each property in the group of its identical copies, in the order the first copy comes. */
function groupCopies(
	properties: INodeProperties[],
	situations: string[],
	unmergeable: Set<number>,
): Group[] {
	const groups: Group[] = [];
	const byIdentity = new Map<string, Group[]>();
	properties.forEach((property, index) => {
		const place = placement(property);
		if (!place) {
			groups.push({ members: [index], properties: [property], resources: [], operations: [] });
			return;
		}
		const own = shownFor(situations, place.resources, place.operations);
		const candidates = unmergeable.has(index) ? [] : (byIdentity.get(place.identity) ?? []);
		const target = candidates.find((group) => {
			if (unmergeable.has(group.members[0])) return false;
			const resources = union(group.resources, place.resources);
			const operations = union(group.operations, place.operations);
			const merged = shownFor(situations, resources, operations);
			return merged.size === group.shownFor!.size + own.size;
		});
		if (target) {
			target.members.push(index);
			target.properties.push(property);
			target.resources = union(target.resources, place.resources);
			target.operations = union(target.operations, place.operations);
			own.forEach((situation) => target.shownFor!.add(situation));
			return;
		}
		const group: Group = {
			members: [index],
			properties: [property],
			resources: place.resources,
			operations: place.operations,
			shownFor: own,
		};
		groups.push(group);
		byIdentity.set(place.identity, [...candidates, group]);
	});
	return groups;
}

/**
 * The groups in an order that keeps, for every operation, its fields in their original order (ties broken by where
 * the group's first copy was); or the biggest merged group caught in a conflict when there is none.
 */
function orderGroups(groups: Group[], situations: string[]): Group[] | Group {
	const memberOf = new Map<number, number>();
	groups.forEach((group, g) => group.members.forEach((index) => memberOf.set(index, g)));
	const after = groups.map(() => new Set<number>());
	const before = groups.map(() => 0);
	for (const situation of situations) {
		const shown = groups
			.map((group, g) => ({ g, at: positionIn(group, situation) }))
			.filter((entry) => entry.at !== undefined)
			.sort((a, b) => a.at! - b.at!);
		for (let i = 1; i < shown.length; i++) {
			const edges = after[shown[i - 1].g];
			if (!edges.has(shown[i].g)) {
				edges.add(shown[i].g);
				before[shown[i].g]++;
			}
		}
	}
	const ready = groups.map((_, g) => g).filter((g) => before[g] === 0);
	const ordered: Group[] = [];
	while (ready.length) {
		ready.sort((a, b) => groups[a].members[0] - groups[b].members[0]);
		const g = ready.shift()!;
		ordered.push(groups[g]);
		for (const next of after[g]) if (--before[next] === 0) ready.push(next);
	}
	if (ordered.length === groups.length) return ordered;
	const stuck = groups.filter((_, g) => before[g] > 0 && groups[g].members.length > 1);
	return stuck.sort((a, b) => b.members.length - a.members.length)[0] ?? groups[0];
}

/** Where, in the original list, the group's copy shown for `situation` was (undefined when none is). */
function positionIn(group: Group, situation: string): number | undefined {
	if (group.shownFor) {
		if (!group.shownFor.has(situation)) return undefined;
		const [resource, operation] = situation.split(':');
		const at = group.properties.findIndex((property) => {
			const show = property.displayOptions!.show!;
			return show.resource!.includes(resource) && show.operation!.includes(operation);
		});
		return group.members[at];
	}
	const resources = group.properties[0].displayOptions?.show?.resource;
	const [resource] = situation.split(':');
	return !Array.isArray(resources) || resources.includes(resource) ? group.members[0] : undefined;
}

function mergedProperty(group: Group): INodeProperties {
	const [first] = group.properties;
	if (group.members.length === 1) return first;
	return {
		...first,
		displayOptions: {
			...first.displayOptions,
			show: {
				...first.displayOptions!.show,
				resource: group.resources,
				operation: group.operations,
			},
		},
	};
}

function union(a: string[], b: string[]): string[] {
	return [...a, ...b.filter((value) => !a.includes(value))];
}

/** A property's definition as text; functions (preSend, postReceive) by identity, so only the same function is equal. */
function identityOf(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		typeof inner === 'function' ? `function#${functionId(inner)}` : inner,
	);
}

const functionIds = new WeakMap<object, number>();
let functionCount = 0;
function functionId(fn: object): number {
	let id = functionIds.get(fn);
	if (id === undefined) functionIds.set(fn, (id = ++functionCount));
	return id;
}
