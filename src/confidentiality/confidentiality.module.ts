import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseAccess } from './case-access.service';
import { DisclosureInterceptor } from './disclosure.interceptor';

/** Case access and the disclosure output check; every read of case content asks them. */
@Module({
  providers: [CaseAccess, { provide: APP_INTERCEPTOR, useClass: DisclosureInterceptor }],
  exports: [CaseAccess],
})
export class ConfidentialityModule {}
