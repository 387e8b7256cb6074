import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/**
 * Aggregate statistics of referrals for the leads of jobcenters and providers, with small
 * cells suppressed. Reads the referral, consent and contract tables read-only; owns none.
 */
@Module({
  controllers: [StatisticsController],
  providers: [StatisticsRepository, StatisticsService],
})
export class StatisticsModule {}
