import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { IdentityModule } from '../identity/identity.module';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [DatabaseModule, IdentityModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
