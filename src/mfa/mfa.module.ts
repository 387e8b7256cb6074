import { Module } from '@nestjs/common';
import { KnownDevicesService } from './known-devices.service';

/** What makes a sign-in trustworthy beyond the password: known devices (ADR 0014). */
@Module({
  providers: [KnownDevicesService],
  exports: [KnownDevicesService],
})
export class MfaModule {}
