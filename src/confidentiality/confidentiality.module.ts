import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CaseAccess } from './case-access.service';
import { discloseResponses } from './disclosure-step';

/**
 * Case access and the disclosure output check; every read of case content asks them. The module
 * puts the disclosure step on the HTTP server itself, so every application built from it has
 * the step, whoever configures the rest.
 */
@Module({
  providers: [CaseAccess],
  exports: [CaseAccess],
})
export class ConfidentialityModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // No adapter: an application context (a script, a job), which answers no request. Every
    // HTTP application has its adapter before its modules start.
    const adapter = this.adapterHost.httpAdapter as { getInstance(): FastifyInstance } | undefined;
    if (adapter) discloseResponses(adapter.getInstance());
  }
}
