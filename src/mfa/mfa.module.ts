import { Module } from '@nestjs/common';
import { KnownDevicesService } from './known-devices.service';
import { MfaService } from './mfa.service';

/** What makes a sign-in trustworthy beyond the password: TOTP, recovery codes, known devices (ADR 0017). */
@Module({
  providers: [KnownDevicesService, MfaService],
  exports: [KnownDevicesService, MfaService],
})
export class MfaModule {}
