import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { MentionDto, ReviewMentionDto } from './dto/mention.dto';
import { MentionsService } from './mentions.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionsService) {}

  @Patch(':id')
  @Access({ roles: ['secretary', 'admin'] })
  @ApiOperation({ summary: 'Confirm, correct (new value and/or key) or reject an extracted number' })
  @ApiOkResponse({ type: MentionDto })
  review(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ReviewMentionDto): Promise<MentionDto> {
    return this.mentions.review(user, id, body);
  }
}
