import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public, type ScopedRequest } from '../common/access.decorator';
import { CompleteSetupDto, SetupResultDto, SetupStatusDto } from './setup.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the first-run setup wizard is still needed' })
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { needed: await this.setup.needed() };
  }

  @Post()
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'First run: create the administrator and the root unit with the setup code from the api log; succeeds once' })
  @ApiOkResponse({ type: SetupResultDto })
  @ApiForbiddenResponse({ description: 'Wrong setup code' })
  @ApiConflictResponse({ description: 'Setup is already complete' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes: wait 15 minutes' })
  complete(@Body() body: CompleteSetupDto, @Req() req: ScopedRequest): Promise<SetupResultDto> {
    return this.setup.complete(body, req.ip ?? 'unknown');
  }
}
