// multipart/form-data request bodies (message attachments), read the way Rails reads them: `a[b]=x` is a
// nested hash, `a[]=x` an array, and file parts keep their bytes. The parsed body carries the file names
// where the files were (`attachments: ["photo.png"]`, so the document's schema can count them) and the files
// themselves under a symbol, invisible to JSON, validation and idempotency fingerprints.
import { createHash } from 'node:crypto';

export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

const FILES = Symbol.for('huechat.simulator.multipartFiles');

type FormBody = Record<string, unknown> & { [FILES]?: UploadedFile[] };

/** The files of a body parsed by `parseMultipart` (none for JSON bodies). */
export function filesOf(body: unknown): UploadedFile[] {
	return (body as FormBody | undefined)?.[FILES] ?? [];
}

/** The body with a digest of each file, so the same fields with other files are another request. */
export function fingerprintSource(body: unknown): unknown {
	const files = filesOf(body);
	if (files.length === 0) return body;
	return {
		...(body as Record<string, unknown>),
		'(files)': files.map(
			(file) =>
				`${file.field}:${file.filename}:${createHash('sha256').update(file.data).digest('hex')}`,
		),
	};
}

export class MultipartError extends Error {}

function boundaryOf(contentType: string): string {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	if (!boundary) throw new MultipartError('multipart/form-data body without a boundary');
	return boundary;
}

function headerParam(header: string, name: string): string | undefined {
	const match =
		new RegExp(`${name}="([^"]*)"`, 'i').exec(header) ??
		new RegExp(`${name}=([^;\\s]+)`, 'i').exec(header);
	return match?.[1];
}

/** `a[b][]` → ['a', 'b', '']. */
function keyPath(name: string): string[] {
	const first = /^[^[]+/.exec(name)?.[0] ?? name;
	const rest = [...name.slice(first.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
	return [first, ...rest];
}

function assign(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node: Record<string, unknown> = target;
	for (let i = 0; i < path.length; i++) {
		const key = path[i];
		const last = i === path.length - 1;
		const nextIsArray = !last && path[i + 1] === '';
		if (last) {
			node[key] = value;
			return;
		}
		if (nextIsArray) {
			const list = Array.isArray(node[key]) ? (node[key] as unknown[]) : [];
			node[key] = list;
			list.push(value);
			return;
		}
		const child = node[key];
		if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
}

/** Parses a multipart/form-data body into fields (nested by brackets) and files. */
export function parseMultipart(raw: Buffer, contentType: string): FormBody {
	const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
	const body: FormBody = {};
	const files: UploadedFile[] = [];
	let position = raw.indexOf(delimiter);
	if (position < 0) throw new MultipartError('multipart/form-data body without any part');
	for (;;) {
		position += delimiter.length;
		if (raw.subarray(position, position + 2).toString() === '--') break;
		// skip the CRLF after the delimiter
		if (raw.subarray(position, position + 2).toString() === '\r\n') position += 2;
		const headerEnd = raw.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) throw new MultipartError('Malformed multipart part: no header end');
		const headers = raw.subarray(position, headerEnd).toString('utf8');
		const next = raw.indexOf(delimiter, headerEnd + 4);
		if (next < 0) throw new MultipartError('Malformed multipart body: no closing boundary');
		// the part's data ends with the CRLF before the next delimiter
		const data = raw.subarray(headerEnd + 4, next - 2);
		const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
		const name = headerParam(disposition, 'name');
		if (!name) throw new MultipartError('Malformed multipart part: no field name');
		const filename = headerParam(disposition, 'filename');
		if (filename !== undefined) {
			const type =
				/content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() || 'application/octet-stream';
			files.push({ field: keyPath(name)[0], filename, contentType: type, data: Buffer.from(data) });
			assign(body, keyPath(name), filename);
		} else {
			assign(body, keyPath(name), data.toString('utf8'));
		}
		position = next;
	}
	Object.defineProperty(body, FILES, { value: files, enumerable: false });
	return body;
}
