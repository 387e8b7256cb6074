import type { OpenAPIObject } from '@nestjs/swagger';

export const LOGIN_EXAMPLE = { email: 'vorname.nachname@jobcenter.example', password: '…' };

export function addRequestExamples(_document: OpenAPIObject): void {}
