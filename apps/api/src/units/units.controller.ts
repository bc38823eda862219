import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { requireFile, sendDownload } from '../common/files';
import { UploadInterceptor } from '../common/upload.interceptor';
import { CreateUnitDto, ImportResultDto, LevelNameDto, LevelNamesDto, UnitDto, UnitTreeNodeDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitLevelsService } from './unit-levels.service';
import { UnitsService } from './units.service';

const READ = ['admin', 'leader', 'secretary'] as const;

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly levels: UnitLevelsService,
  ) {}

  @Get('levels')
  @Access({ roles: READ })
  @ApiOperation({ summary: 'Names of the tree’s levels (absolute): the administrator’s, else from the units’ own name suffixes' })
  @ApiOkResponse({ type: [LevelNameDto] })
  levelNames(): Promise<LevelNameDto[]> {
    return this.levels.list();
  }

  @Put('levels')
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Name the levels (by absolute level; an empty string keeps the default)' })
  @ApiOkResponse({ type: [LevelNameDto] })
  saveLevelNames(@CurrentUser() user: AuthUser, @Body() body: LevelNamesDto): Promise<LevelNameDto[]> {
    return this.levels.save(user, body.names);
  }

  @Get()
  @Access({ roles: READ })
  @ApiOperation({ summary: 'Units in the caller’s subtree, parents first' })
  @ApiOkResponse({ type: [UnitDto] })
  list(@CurrentUser() user: AuthUser): Promise<UnitDto[]> {
    return this.units.list(user);
  }

  @Get('tree')
  @Access({ roles: READ })
  @ApiOperation({ summary: 'The caller’s subtree as a nested tree' })
  @ApiOkResponse({ type: [UnitTreeNodeDto] })
  tree(@CurrentUser() user: AuthUser): Promise<UnitTreeNodeDto[]> {
    return this.units.tree(user);
  }

  @Get('export.xlsx')
  @Access({ roles: ['admin', 'leader'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The caller’s subtree as an Excel file (the same columns the import takes)' })
  async export(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.units.exportXlsx(user), '单位列表.xlsx');
  }

  @Get('import/template.xlsx')
  @Access({ roles: ['admin'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The import template: the headers the screen shows (单位代码, 单位名称, 上级代码, 党员数, 启用日期) and the caller’s own unit as the example row' })
  async template(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    sendDownload(res, await this.units.templateXlsx(user), '单位导入模板.xlsx');
  }

  @Post('import')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @UseInterceptors(UploadInterceptor('file', 5 * 1024 * 1024))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOperation({ summary: 'Import units from .xlsx or .csv (code, name, parentCode, memberCount). Any bad row: 400 listing every bad row, nothing written.' })
  @ApiOkResponse({ type: ImportResultDto })
  import(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined, @Query('dryRun') dryRun?: string): Promise<ImportResultDto> {
    return this.units.import(user, requireFile(file), dryRun === 'true' || dryRun === '1');
  }

  @Get(':code')
  @Access({ roles: READ })
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<UnitDto> {
    return this.units.get(user, code);
  }

  @Post()
  @Access({ roles: ['admin'] })
  @ApiCreatedResponse({ type: UnitDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(user, body);
  }

  @Patch(':code')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Rename, change member count, or move (new parentCode) with the whole subtree' })
  @ApiOkResponse({ type: UnitDto })
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(user, code, body);
  }

  @Delete(':code')
  @HttpCode(204)
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Delete a unit that has no sub-units, users or reports' })
  remove(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<void> {
    return this.units.remove(user, code);
  }
}
