import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** Idempotent POSTs for provider systems (and anyone else who sends an Idempotency-Key). */
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
