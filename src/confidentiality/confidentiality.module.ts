import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DisclosureInterceptor } from './disclosure.interceptor';
import { DisclosurePolicy } from './disclosure-policy';

/** The disclosure policy and its output check; every read of case content asks it. */
@Module({
  providers: [DisclosurePolicy, { provide: APP_INTERCEPTOR, useClass: DisclosureInterceptor }],
  exports: [DisclosurePolicy],
})
export class ConfidentialityModule {}
